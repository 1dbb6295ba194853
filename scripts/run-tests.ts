import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEngine, type Engine } from '../host/engine/local-engine';

/**
 * `npm test`: lint, typecheck and every jest project (unit, client components, the weapp tier in
 * WeChat's simulator, and integration and stress against the real local engine) at once, then, once lint and typecheck are done, the
 * end-to-end suite in headless Chromium while jest goes on. One engine is started by the same
 * launcher `npm start` uses, only when a step needs it, and stopped at the end. Prints
 * `tests: N passed, N failed`.
 *
 *   tsx scripts/run-tests.ts [--fast] [--only <pattern>] [--projects a,b] [--no-<step>]
 *
 *   --fast             lint (cached), typecheck, the unit and client projects: no engine (npm run test:fast)
 *   --only <pattern>   jest runs only files whose path matches (jest --testPathPatterns); the
 *                      end-to-end suite runs only if the pattern matches tests/e2e/run-e2e.ts
 *   --projects a,b     jest runs only these projects (jest --selectProjects); no end-to-end
 *   --no-<step>        skips a step: --no-lint, --no-typecheck, --no-jest, --no-e2e
 *
 * Each step is one entry of `steps` below; a new tier is a new entry.
 */
const root = resolve(__dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const results = join(root, '.data', 'test-results');

type Options = { only: string | null; projects: string[] | null; skip: Set<string>; fast: boolean };
type Outcome = { passed: number; failed: number };
type Output = { stdio: 'inherit' | 'pipe'; write(chunk: Buffer): void };
type Step = {
  /** Also the name of its `--no-<name>` flag. */
  name: string;
  title: string;
  /** Steps that must end before this one starts; without, it starts at once, beside the others. */
  after?: string[];
  /** Shows its output as it comes (one step at most); the others print theirs whole when they end. */
  live?: boolean;
  /** Passes or fails as a whole and counts no tests (lint, typecheck). */
  check?: boolean;
  enabled(options: Options): boolean;
  needsEngine(options: Options): boolean;
  run(options: Options, env: NodeJS.ProcessEnv, out: Output): Promise<Outcome>;
};

/** The jest projects that talk to the engine (the others run without one). */
// The weapp tier's booking flow runs a real local host on the shared engine.
const ENGINE_PROJECTS = ['integration', 'stress', 'weapp'];
const FAST_PROJECTS = ['unit', 'client'];
const E2E_ENTRY = join('tests', 'e2e', 'run-e2e.ts');

function run(command: string, args: string[], env: NodeJS.ProcessEnv, out: Output): Promise<number> {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, { cwd: root, stdio: out.stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'], env });
    child.stdout?.on('data', out.write);
    child.stderr?.on('data', out.write);
    child.on('exit', (code, signal) => resolveRun(code ?? (signal ? 1 : 0)));
    child.on('error', (error) => {
      out.write(Buffer.from(`[test] could not start ${command}: ${error.message}\n`));
      resolveRun(1);
    });
  });
}

/** A check that passes or fails as a whole (lint, typecheck): a failure counts as one failed test. */
function check(name: string, title: string, command: string, args: (options: Options) => string[]): Step {
  return {
    name,
    title,
    check: true,
    enabled: () => true,
    needsEngine: () => false,
    run: async (options, env, out) => ((await run(command, args(options), env, out)) === 0 ? { passed: 0, failed: 0 } : { passed: 0, failed: 1 }),
  };
}

/** Reads a report written by a step; an exit code that is not 0 with no failure in it still fails. */
function outcomeOf(code: number, report: string, read: (json: unknown) => Outcome): Outcome {
  const outcome = existsSync(report) ? read(JSON.parse(readFileSync(report, 'utf8'))) : { passed: 0, failed: 0 };
  return code !== 0 && outcome.failed === 0 ? { ...outcome, failed: 1 } : outcome;
}

const jestStep: Step = {
  name: 'jest',
  title: 'jest',
  live: true,
  enabled: () => true,
  needsEngine: ({ projects }) => projects === null || projects.some((p) => ENGINE_PROJECTS.includes(p)),
  async run(options, env, out) {
    const report = join(results, 'jest.json');
    rmSync(report, { force: true });
    // Two workers: the engine answers two test files at once on two cores, where one file at a
    // time leaves a core idle while it waits on the engine.
    const args = ['--ci', '--maxWorkers=2', '--json', `--outputFile=${report}`];
    if (options.projects) args.push('--selectProjects', ...options.projects);
    // A pattern meant for the end-to-end suite alone matches no jest file: that is not a failure.
    if (options.only) args.push('--testPathPatterns', options.only, '--passWithNoTests');
    const code = await run(bin('jest'), args, env, out);
    return outcomeOf(code, report, (json) => {
      const summary = json as { numPassedTests: number; numFailedTests: number; numRuntimeErrorTestSuites: number };
      // A file that cannot even load counts as a failure too, not as zero tests.
      return { passed: summary.numPassedTests, failed: summary.numFailedTests + summary.numRuntimeErrorTestSuites };
    });
  },
};

const e2eStep: Step = {
  name: 'e2e',
  title: 'end-to-end in headless Chromium',
  // It mostly waits on the browser: beside jest it costs little time, beside lint and tsc too much CPU.
  after: ['lint', 'typecheck'],
  enabled: ({ only, projects }) => projects === null && (only === null || new RegExp(only).test(E2E_ENTRY)),
  needsEngine: () => true,
  async run(_options, env, out) {
    const report = join(results, 'e2e.json');
    rmSync(report, { force: true });
    const code = await run(bin('tsx'), [join(root, E2E_ENTRY), `--report=${report}`], env, out);
    return outcomeOf(code, report, (json) => json as Outcome);
  },
};

const steps: Step[] = [
  // The fast loop lints only files that changed since its last run. ESLint's cache does not follow
  // types across files, so a floating promise made by a change elsewhere shows in `npm test`.
  check('lint', 'lint (eslint)', bin('eslint'), ({ fast }) => (fast ? ['--cache', '--cache-strategy', 'content', '--cache-location', join(root, '.data', 'cache', 'eslint') + '/', '.'] : ['.'])),
  // Incremental: tsc re-checks only what changed since its last run (a fresh clone checks everything).
  check('typecheck', 'typecheck (tsc --noEmit)', bin('tsc'), () => ['--noEmit', '-p', 'tsconfig.json', '--incremental', '--tsBuildInfoFile', join(root, '.data', 'cache', 'tsc.tsbuildinfo')]),
  jestStep,
  e2eStep,
];

const USAGE = 'usage: run-tests [--fast] [--only <pattern>] [--projects a,b] ' + steps.map((s) => `[--no-${s.name}]`).join(' ');

function parseOptions(argv: string[]): Options {
  const options: Options = { only: null, projects: null, skip: new Set(), fast: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[(i += 1)];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value\n${USAGE}`);
      return next;
    };
    if (arg === '--fast') {
      options.fast = true;
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
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: 'UTC' };
  let engine: Engine | null = null;
  try {
    if (chosen.some((s) => s.needsEngine(options))) {
      engine = await startEngine({ dataDir: join(root, '.data', 'test') });
      env.MONGODB_URI = engine.uri;
    }
    const ended = new Map<string, Promise<void>>();
    for (const step of chosen) {
      const waitFor = (step.after ?? []).map((name) => ended.get(name)).filter((p) => p !== undefined);
      ended.set(
        step.name,
        Promise.all(waitFor).then(async () => {
          const started = Date.now();
          const held: Buffer[] = [];
          if (step.live) console.log(`[test] ${label(step)}`);
          const out: Output = step.live ? { stdio: 'inherit', write: () => undefined } : { stdio: 'pipe', write: (chunk) => held.push(chunk) };
          const outcome = await step.run(options, env, out);
          console.log(`[test] ${label(step)}: ${outcome.failed === 0 ? 'ok' : 'failed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
          process.stdout.write(Buffer.concat(held));
          total.passed += outcome.passed;
          total.failed += outcome.failed;
        }),
      );
    }
    await Promise.all(ended.values());
  } finally {
    await engine?.stop();
  }
  console.log(`\ntests: ${total.passed} passed, ${total.failed} failed`);
  // A run that was to run tests and ran none (a pattern that matches nothing) has proven nothing.
  const ranNothing = total.passed === 0 && chosen.some((s) => !s.check);
  return total.failed === 0 && !ranNothing ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`[test] could not run: ${error.message}`);
    process.exit(1);
  },
);
