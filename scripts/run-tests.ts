import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEngine } from '../host/engine/local-engine';

/**
 * `npm test`: typecheck, then every jest project (unit, integration, client components, the weapp
 * tier in WeChat's simulator) against the real local engine, then the end-to-end suite in headless
 * Chromium when it exists. One engine is started by the same launcher `npm start` uses and stopped
 * at the end.
 */
const root = resolve(__dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
    child.on('exit', (code, signal) => resolveRun(code ?? (signal ? 1 : 0)));
  });
}

type JestSummary = { numPassedTests: number; numFailedTests: number; numRuntimeErrorTestSuites: number };

async function main(): Promise<number> {
  const results = join(root, '.data', 'test-results');
  mkdirSync(results, { recursive: true });
  let passed = 0;
  let failed = 0;

  console.log('[test] 1/3 typecheck (tsc --noEmit)');
  if ((await run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])) !== 0) {
    console.log('[test] typecheck failed');
    failed += 1;
  }

  const engine = await startEngine({ dataDir: join(root, '.data', 'test') });
  const env = { ...process.env, MONGODB_URI: engine.uri, TZ: 'UTC' };
  try {
    console.log('[test] 2/3 jest: unit, integration, component and weapp tests');
    const jestJson = join(results, 'jest.json');
    const jestCode = await run(bin('jest'), ['--ci', '--json', `--outputFile=${jestJson}`], env);
    if (existsSync(jestJson)) {
      const summary = JSON.parse(readFileSync(jestJson, 'utf8')) as JestSummary;
      passed += summary.numPassedTests;
      // A file that cannot even load counts as a failure too, not as zero tests.
      failed += summary.numFailedTests + summary.numRuntimeErrorTestSuites;
    }
    if (jestCode !== 0 && failed === 0) failed += 1;

    const e2e = join(root, 'tests', 'e2e', 'run-e2e.ts');
    if (existsSync(e2e)) {
      console.log('[test] 3/3 end-to-end in headless Chromium');
      const e2eJson = join(results, 'e2e.json');
      const code = await run(bin('tsx'), [e2e, `--report=${e2eJson}`], env);
      if (existsSync(e2eJson)) {
        const summary = JSON.parse(readFileSync(e2eJson, 'utf8')) as { passed: number; failed: number };
        passed += summary.passed;
        failed += summary.failed;
      }
      if (code !== 0 && failed === 0) failed += 1;
    } else {
      console.log('[test] 3/3 no end-to-end suite yet');
    }
  } finally {
    await engine.stop();
  }
  console.log(`\ntests: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`[test] could not run: ${error.message}`);
    process.exit(1);
  },
);
