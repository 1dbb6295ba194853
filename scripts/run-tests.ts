import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEngine, type Engine } from '../host/engine/local-engine';

/**
 * `npm test`: lint and typecheck, while every jest project runs (unit, client components, and
 * integration and stress against the real local engine), then the end-to-end suite in headless
 * Chromium. One engine is started by the same launcher `npm start` uses, only when a step needs it,
 * and stopped at the end. Prints `tests: N passed, N failed`.
 *
 *   tsx scripts/run-tests.ts [--fast] [--only <pattern>] [--projects a,b] [--no-<step>]
 *
 *   --fast             lint, typecheck, the unit and client projects: no engine (npm run test:fast)
 *   --only <pattern>   jest runs only files whose path matches (jest --testPathPatterns); the
 *                      end-to-end suite runs only if the pattern matches tests/e2e/run-e2e.ts
 *   --projects a,b     jest runs only these projects (jest --selectProjects)
 *   --no-<step>        skips a step: --no-lint, --no-typecheck, --no-jest, --no-e2e
 *
 * Each step is one entry of `steps` below; a new tier is a new entry.
 */
const root = resolve(__dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const results = join(root, '.data', 'test-results');

type Options = { only: string | null; projects: string[] | null; skip: Set<string> };
type Outcome = { passed: number; failed: number };
type Context = { options: Options; env: NodeJS.ProcessEnv };
type Step = {
  /** Also the name of its `--no-<name>` flag. */
  name: string;
  title: string;
  /** Runs at the same time as the steps after it (lint and typecheck need no engine and one core each). */
  alongside?: boolean;
  enabled(options: Options): boolean;
  needsEngine(options: Options): boolean;
  run(context: Context, out: Output): Promise<Outcome>;
};
type Output = { stdio: 'inherit' | 'pipe'; write(chunk: Buffer): void };

/** The jest projects that talk to the engine (the others run without one). */
const ENGINE_PROJECTS = ['integration', 'stress'];
const FAST_PROJECTS = ['unit', 'client'];
const E2E_ENTRY = join('tests', 'e2e', 'run-e2e.ts');

function run(command: string, args: string[], env: NodeJS.ProcessEnv, out: Output): Promise<number> {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { cwd: root, stdio: out.stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'], env });
    child.stdout?.on('data', out.write);
    child.stderr?.on('data', out.write);
    child.on('exit', (code, signal) => resolveRun(code ?? (signal ? 1 : 0)));
  });
}

/** A check that passes or fails as a whole (lint, typecheck): a failure counts as one failed test. */
function check(name: string, title: string, command: string, args: string[]): Step {
  return {
    name,
    title,
    alongside: true,
    enabled: () => true,
    needsEngine: () => false,
    run: async ({ env }, out) => ((await run(command, args, env, out)) === 0 ? { passed: 0, failed: 0 } : { passed: 0, failed: 1 }),
  };
}

const jestStep: Step = {
  name: 'jest',
  title: 'jest',
  enabled: () => true,
  needsEngine: ({ projects }) => projects === null || projects.some((p) => ENGINE_PROJECTS.includes(p)),
  async run({ options, env }, out) {
    const jestJson = join(results, 'jest.json');
    rmSync(jestJson, { force: true });
    const args = ['--ci', '--json', `--outputFile=${jestJson}`];
    if (options.projects) args.push('--selectProjects', ...options.projects);
    // A pattern meant for the end-to-end suite alone matches no jest file: that is not a failure.
    if (options.only) args.push('--testPathPatterns', options.only, '--passWithNoTests');
    const code = await run(bin('jest'), args, env, out);
    const outcome = { passed: 0, failed: 0 };
    if (existsSync(jestJson)) {
      const summary = JSON.parse(readFileSync(jestJson, 'utf8')) as { numPassedTests: number; numFailedTests: number; numRuntimeErrorTestSuites: number };
      outcome.passed = summary.numPassedTests;
      // A file that cannot even load counts as a failure too, not as zero tests.
      outcome.failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
    }
    if (code !== 0 && outcome.failed === 0) outcome.failed = 1;
    return outcome;
  },
};

const e2eStep: Step = {
  name: 'e2e',
  title: 'end-to-end in headless Chromium',
  enabled: ({ only, projects }) => projects === null && (only === null || new RegExp(only).test(E2E_ENTRY)),
  needsEngine: () => true,
  async run({ env }, out) {
    const e2eJson = join(results, 'e2e.json');
    rmSync(e2eJson, { force: true });
    const code = await run(bin('tsx'), [join(root, E2E_ENTRY), `--report=${e2eJson}`], env, out);
    const outcome = { passed: 0, failed: 0 };
    if (existsSync(e2eJson)) Object.assign(outcome, JSON.parse(readFileSync(e2eJson, 'utf8')) as Outcome);
    if (code !== 0 && outcome.failed === 0) outcome.failed = 1;
    return outcome;
  },
};

const steps: Step[] = [
  check('lint', 'lint (eslint)', bin('eslint'), ['.']),
  // Incremental: tsc re-checks only what changed since the last run (a fresh clone checks everything).
  check('typecheck', 'typecheck (tsc --noEmit)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json', '--incremental', '--tsBuildInfoFile', join(root, '.data', 'cache', 'tsc.tsbuildinfo')]),
  jestStep,
  e2eStep,
];

const USAGE = 'usage: run-tests [--fast] [--only <pattern>] [--projects a,b] ' + steps.map((s) => `[--no-${s.name}]`).join(' ');

function parseOptions(argv: string[]): Options {
  const options: Options = { only: null, projects: null, skip: new Set() };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[(i += 1)];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value\n${USAGE}`);
      return next;
    };
    if (arg === '--fast') {
      options.projects = FAST_PROJECTS;
      options.skip.add('e2e');
    } else if (arg === '--only') options.only = value();
    else if (arg === '--projects') options.projects = value().split(',').filter(Boolean);
    else if (arg.startsWith('--no-') && steps.some((s) => s.name === arg.slice(5))) options.skip.add(arg.slice(5));
    else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  return options;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  mkdirSync(results, { recursive: true });
  const chosen = steps.filter((s) => !options.skip.has(s.name) && s.enabled(options));
  const label = (step: Step) => `${chosen.indexOf(step) + 1}/${chosen.length} ${step.title}`;
  const total: Outcome = { passed: 0, failed: 0 };
  const add = (step: Step, outcome: Outcome) => {
    total.passed += outcome.passed;
    total.failed += outcome.failed;
    if (outcome.failed > 0) console.log(`[test] ${step.name} failed`);
  };

  let engine: Engine | null = null;
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: 'UTC' };
  try {
    // Steps marked `alongside` start at once and hold their output, printing it whole when they end,
    // while the others run one after another with their output live.
    const alongside = Promise.all(
      chosen
        .filter((s) => s.alongside)
        .map(async (step) => {
          const started = Date.now();
          const held: Buffer[] = [];
          const outcome = await step.run({ options, env }, { stdio: 'pipe', write: (chunk) => held.push(chunk) });
          console.log(`[test] ${label(step)}: ${outcome.failed === 0 ? 'ok' : 'failed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
          process.stdout.write(Buffer.concat(held));
          add(step, outcome);
        }),
    );
    for (const step of chosen.filter((s) => !s.alongside)) {
      if (step.needsEngine(options) && !engine) {
        engine = await startEngine({ dataDir: join(root, '.data', 'test') });
        env.MONGODB_URI = engine.uri;
      }
      console.log(`[test] ${label(step)}`);
      add(step, await step.run({ options, env: { ...env } }, { stdio: 'inherit', write: () => undefined }));
    }
    await alongside;
  } finally {
    await engine?.stop();
  }
  console.log(`\ntests: ${total.passed} passed, ${total.failed} failed`);
  return total.failed === 0 && total.passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`[test] could not run: ${error.message}`);
    process.exit(1);
  },
);
