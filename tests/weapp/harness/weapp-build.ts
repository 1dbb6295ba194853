import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { newestSource, runTaroBuild, sourceRoots } from '../../../host/h5-build';

const rootDir = path.resolve(__dirname, '..', '..', '..');
const appJson = path.join(rootDir, 'build', 'weapp', 'app.json');
// Outside build/weapp, so it is never part of the package WeChat uploads.
const stampFile = path.join(rootDir, 'build', 'weapp-tier.json');

// The build-time settings (config/index.ts); the tier tests the default build, as a plain
// `npm run build:weapp` makes it: calls over HTTPS to the default host, no subscribe templates.
const buildSettings = ['TARO_APP_CLOUD_ENV', 'TARO_APP_API_BASE', 'TARO_APP_SUBSCRIBE_TEMPLATES'] as const;

type Stamp = { appJsonMtimeMs: number };

/** Why build/weapp must be built again for the tier, or null when the tier's own last build still holds. */
export function weappBuildReason(): string | null {
  if (!existsSync(appJson)) return 'build/weapp/app.json is missing';
  let stamp: Stamp | null = null;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as Stamp;
  } catch {
    return 'the tier has not built build/weapp yet';
  }
  const built = statSync(appJson).mtimeMs;
  // Someone else built since (maybe with other TARO_APP_* settings): build it the tier's way.
  if (stamp.appJsonMtimeMs !== built) return 'build/weapp was built outside the tier';
  // Taro copies project.config.json into the package, so it is a source of the weapp build too.
  const newest = newestSource([...sourceRoots, path.join(rootDir, 'project.config.json')]);
  if (newest.mtimeMs > built) return `${newest.file ? path.relative(rootDir, newest.file) : 'a source file'} changed after the last build`;
  return null;
}

/** Builds build/weapp when it is missing, stale, or not the tier's own default build. */
export async function ensureWeappBuild(log: (line: string) => void = console.log): Promise<void> {
  const reason = weappBuildReason();
  if (!reason) {
    log('[weapp] build/weapp is up to date');
    return;
  }
  log(`[weapp] building the mini-program (${reason})…`);
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of buildSettings) delete env[key];
  // Jest sets NODE_ENV=test, and a Taro build under it drops the props and bindings of vant's tags
  // from base.wxml (every van-button renders default and ignores taps): build as npm run does.
  env.NODE_ENV = 'production';
  const ms = await runTaroBuild('weapp', { log, env, done: () => existsSync(appJson) });
  writeFileSync(stampFile, `${JSON.stringify({ appJsonMtimeMs: statSync(appJson).mtimeMs } satisfies Stamp)}\n`);
  log(`[weapp] built build/weapp in ${(ms / 1000).toFixed(1)} s`);
}
