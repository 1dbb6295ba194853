import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { cloudFunctions } from '../cloudfunctions/registry';

const root = resolve(__dirname, '..');

// Optional peers of the mongodb driver that we never use; WeChat Cloud need not install them.
const optionalDriverPeers = [
  'kerberos',
  '@mongodb-js/zstd',
  '@aws-sdk/credential-providers',
  'gcp-metadata',
  'snappy',
  'socks',
  'aws4',
  'mongodb-client-encryption',
];

export type BuiltFunction = { name: string; dir: string; bytes: number };

/**
 * Bundles each cloud function into a self-contained WeChat Cloud folder: index.js exporting main,
 * package.json (wx-server-sdk and the argon2 addon, which the platform installs), config.json with timers and
 * openapi permissions.
 */
export async function buildFunctions(outDir = join(root, 'build', 'cloudfunctions')): Promise<BuiltFunction[]> {
  rmSync(outDir, { recursive: true, force: true });
  const built: BuiltFunction[] = [];
  for (const fn of Object.values(cloudFunctions)) {
    const dir = join(outDir, fn.name);
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [join(root, 'cloudfunctions', fn.name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      minify: true,
      legalComments: 'none',
      // argon2 is a native addon (prebuilt per platform): installed beside the bundle, never inlined.
      external: ['wx-server-sdk', '@node-rs/argon2', ...optionalDriverPeers],
      logLevel: 'warning',
    });
    writeFileSync(
      join(dir, 'package.json'),
      `${JSON.stringify({ name: fn.name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': '~3.0.1', '@node-rs/argon2': '^2.2.1' } }, null, 2)}\n`,
    );
    const config = {
      permissions: { openapi: fn.openapi },
      // WeChat Cloud's cron has seven fields: second minute hour day month weekday year.
      triggers: fn.timers.map((timer) => ({ name: timer.name, type: 'timer', config: `0 */${timer.everyMinutes} * * * * *` })),
    };
    writeFileSync(join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
    built.push({ name: fn.name, dir, bytes: statSync(join(dir, 'index.js')).size });
  }
  return built;
}

if (require.main === module) {
  buildFunctions()
    .then((built) => {
      for (const { name, dir, bytes } of built) console.log(`${name.padEnd(12)} ${(bytes / 1024).toFixed(0).padStart(6)} KB  ${dir}`);
    })
    .catch((error: Error) => {
      console.error(error.message);
      process.exit(1);
    });
}
