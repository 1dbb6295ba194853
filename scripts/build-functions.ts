import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { cloudFunctions } from '../cloudfunctions/registry';
import { functionBundlePlugins } from './function-bundle-plugins';

const root = resolve(__dirname, '..');

/**
 * The MongoDB driver is not bundled: WeChat Cloud installs each function's package.json
 * dependencies at deploy (云端安装依赖), as it does wx-server-sdk and the argon2 addon, so the driver
 * (with bson, about 440 KB of the bundle) is installed beside index.js instead of inside it. It is
 * pinned at the exact version package-lock.json holds, the one every test and measurement ran.
 */
export const PLATFORM_INSTALLED = ['wx-server-sdk', '@node-rs/argon2', 'mongodb'] as const;

/** The exact version package-lock.json installs for a top-level package. */
export function lockedVersion(pkg: string): string {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  const version = lock.packages[`node_modules/${pkg}`]?.version;
  if (!version) throw new Error(`package-lock.json has no ${pkg}`);
  return version;
}

/** The driver the bundles are run against here must be the one a deploy installs (npm ci makes them agree). */
function pinnedDriverVersion(): string {
  const locked = lockedVersion('mongodb');
  const installed = (JSON.parse(readFileSync(join(root, 'node_modules', 'mongodb', 'package.json'), 'utf8')) as { version: string }).version;
  if (installed !== locked) throw new Error(`node_modules holds mongodb ${installed} but package-lock.json pins ${locked}: run npm ci`);
  return locked;
}

/**
 * Packages only a rendering function (`renders: true`) may carry: together about a megabyte, which
 * every cold start of booking would otherwise load for nothing.
 */
export const RENDERING_PACKAGES = ['pdfkit', 'fontkit', 'qrcode', 'exceljs', 'pngjs', 'linebreak'];

/** fontkit's brotli decoder serves only WOFF2 fonts, which certificates do not take: 475 KB saved. */
const withoutWoff2: Plugin = {
  name: 'without-woff2',
  setup(b) {
    b.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({ path: join(root, 'cloudfunctions/core/services/documents/woff2-unsupported.ts') }));
  },
};

export type BuiltFunction = {
  name: string;
  dir: string;
  bytes: number;
  renders: boolean;
  renderingPackages: string[];
  /** What each input file contributes to index.js, in bytes (esbuild's metafile): what a bundle holds. */
  inputBytes: Record<string, number>;
};

/** Which rendering packages went into a bundle, from esbuild's list of its inputs. */
export function renderingPackagesIn(inputs: string[]): string[] {
  const found = new Set<string>();
  for (const input of inputs) {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match && RENDERING_PACKAGES.includes(match[1]!)) found.add(match[1]!);
  }
  return [...found].sort();
}

/**
 * Bundles each cloud function into a self-contained WeChat Cloud folder: index.js exporting main,
 * package.json (wx-server-sdk, the argon2 addon and the MongoDB driver, which the platform installs),
 * config.json with timers and openapi permissions.
 */
export async function buildFunctions(outDir = join(root, 'build', 'cloudfunctions')): Promise<BuiltFunction[]> {
  const driverVersion = pinnedDriverVersion();
  rmSync(outDir, { recursive: true, force: true });
  const built: BuiltFunction[] = [];
  for (const fn of Object.values(cloudFunctions)) {
    const dir = join(outDir, fn.name);
    mkdirSync(dir, { recursive: true });
    const result = await build({
      entryPoints: [join(root, 'cloudfunctions', fn.name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      minify: true,
      legalComments: 'none',
      // Our messages are Chinese: written as UTF-8 they take 3 bytes a character instead of a 6-byte \u escape.
      charset: 'utf8',
      // Installed beside the bundle by the platform (argon2 is a native addon, prebuilt per platform).
      external: [...PLATFORM_INSTALLED],
      logLevel: 'warning',
      metafile: true,
      plugins: [withoutWoff2, ...functionBundlePlugins],
    });
    const renderingPackages = renderingPackagesIn(Object.keys(result.metafile.inputs));
    if (!fn.renders && renderingPackages.length > 0) {
      throw new Error(`${fn.name} does not render documents but its bundle holds ${renderingPackages.join(', ')}: keep them in a function marked renders: true`);
    }
    writeFileSync(
      join(dir, 'package.json'),
      `${JSON.stringify({ name: fn.name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': '~3.0.1', '@node-rs/argon2': '^2.2.1', mongodb: driverVersion } }, null, 2)}\n`,
    );
    const config = {
      permissions: { openapi: fn.openapi },
      // WeChat Cloud's cron has seven fields: second minute hour day month weekday year.
      triggers: fn.timers.map((timer) => ({ name: timer.name, type: 'timer', config: `0 */${timer.everyMinutes} * * * * *` })),
    };
    writeFileSync(join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
    const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined) ?? Object.values(result.metafile.outputs)[0]!;
    const inputBytes = Object.fromEntries(Object.entries(output.inputs).map(([file, { bytesInOutput }]) => [file, bytesInOutput]));
    built.push({ name: fn.name, dir, bytes: statSync(join(dir, 'index.js')).size, renders: fn.renders, renderingPackages, inputBytes });
  }
  return built;
}

if (require.main === module) {
  buildFunctions()
    .then((built) => {
      for (const { name, dir, bytes, renders } of built) console.log(`${name.padEnd(12)} ${(bytes / 1024).toFixed(0).padStart(6)} KB  ${renders ? 'renders ' : '        '}${dir}`);
    })
    .catch((error: Error) => {
      console.error(error.message);
      process.exit(1);
    });
}
