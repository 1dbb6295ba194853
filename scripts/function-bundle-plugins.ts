import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * What a cloud function bundle leaves out of the libraries it carries, each measured with esbuild's
 * metafile (`npm run functions:measure -- --analyze` prints a bundle's biggest inputs). Every
 * replacement keeps the behaviour our code uses; what it drops is a feature we never call, and a
 * call to it fails loudly instead of silently doing something else. The MongoDB driver is not
 * bundled at all (the platform installs it beside the bundle: scripts/build-functions.ts).
 */

const root = join(__dirname, '..');
const zodDir = dirname(require.resolve('zod', { paths: [root] }));

/**
 * zod's `z` namespace re-exports all 40-odd message locales (about 290 KB minified), which no tree
 * shaking removes. Our errors speak Chinese (shared/errors/validation.ts) and zod's default is
 * English: those two are kept, and importing any other fails the build.
 */
const zodTwoLocales: Plugin = {
  name: 'zod-two-locales',
  setup(b) {
    b.onResolve({ filter: /^(\.\.\/locales\/index\.js|zod\/locales|zod\/v4\/locales)$/ }, (args) => {
      if (args.path.startsWith('..') && !args.importer.startsWith(zodDir)) return undefined;
      return { path: 'zod-locales', namespace: 'zod-two-locales' };
    });
    b.onLoad({ filter: /.*/, namespace: 'zod-two-locales' }, () => ({
      contents: "export { default as en } from './en.js';\nexport { default as zhCN } from './zh-CN.js';\n",
      resolveDir: join(zodDir, 'v4', 'locales'),
      loader: 'js',
    }));
  },
};

/**
 * A module replaced by one with the same exports, each of which throws when called: for library
 * features we never call, so a call fails loudly instead of doing something else. The names are read
 * from the real module, so a library update that adds an export still builds.
 */
function refusingModule(path: string, feature: string, returnsRefusal: string[] = []): string {
  const source = readFileSync(path, 'utf8');
  const names = new Set<string>();
  for (const match of source.matchAll(/^export (?:const|function|class|let) (\w+)/gm)) names.add(match[1]!);
  for (const match of source.matchAll(/^export \{([^}]*)\}/gm)) {
    for (const part of match[1]!.split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop();
      if (name) names.add(name);
    }
  }
  const refuse = `function refuse() { throw new Error(${JSON.stringify(`${feature} is not in cloud function bundles`)}); }`;
  const lines = [...names].map((name) =>
    // A factory zod calls while building a schema gets a refusing function back instead of refusing at once.
    returnsRefusal.includes(name) ? `export const ${name} = () => refuse;` : `export const ${name} = refuse;`,
  );
  return `${refuse}\n${lines.join('\n')}\n`;
}

/**
 * zod features our schemas never use, which its namespace keeps anyway: z.compile (the ahead-of-time
 * parser, 30 KB) and JSON Schema output and input (22 KB). Parsing does not touch them.
 */
const zodWithoutExtras: Plugin = {
  name: 'zod-without-extras',
  setup(b) {
    const refused: Record<string, { feature: string; returnsRefusal?: string[] }> = {
      'v4/core/compile.js': { feature: 'z.compile' },
      'v4/core/to-json-schema.js': { feature: 'JSON Schema output', returnsRefusal: ['createToJSONSchemaMethod', 'createStandardJSONSchemaMethod'] },
      'v4/core/json-schema-generator.js': { feature: 'JSON Schema output' },
      'v4/classic/from-json-schema.js': { feature: 'z.fromJSONSchema' },
    };
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/](core|classic)[\\/][\w-]+\.js$/ }, (args) => {
      const key = Object.keys(refused).find((file) => args.path === join(zodDir, file));
      if (!key) return undefined;
      return { contents: refusingModule(args.path, refused[key]!.feature, refused[key]!.returnsRefusal), loader: 'js' };
    });
  },
};

/** A CommonJS module whose export, and each named property of it, throws when called. */
function refusingCommonJs(feature: string, properties: string[] = []): string {
  const lines = [`function refuse() { throw new Error(${JSON.stringify(`${feature} is not in cloud function bundles`)}); }`, 'module.exports = refuse;'];
  for (const name of properties) lines.push(`refuse.${name} = refuse;`);
  return `${lines.join('\n')}\n`;
}

/**
 * exceljs' streaming writer zips with archiver, which also loads its tar and JSON formats and two
 * glob libraries for adding files from disk (readdir-glob, and glob with path-scurry, minimatch and
 * lru-cache under archiver-utils). The writer only appends in-memory entries to a zip, so those are
 * left out: about 250 KB of the exports bundle (1,011 KB before), and the time its first call spent
 * loading them.
 * Making a tar or JSON archive, or adding files by glob or directory, throws.
 */
const zipWriterOnly: Plugin = {
  name: 'zip-writer-only',
  setup(b) {
    const inPackage = (importer: string, pkg: string) => new RegExp(`[\\/]node_modules[\\/]${pkg}[\\/]`).test(importer);
    b.onResolve({ filter: /^(readdir-glob|glob)$/ }, (args) =>
      (args.path === 'readdir-glob' && inPackage(args.importer, 'archiver')) || (args.path === 'glob' && inPackage(args.importer, 'archiver-utils'))
        ? { path: args.path, namespace: 'zip-writer-only' }
        : undefined,
    );
    b.onResolve({ filter: /^\.\/lib\/plugins\/(tar|json)$/ }, (args) => (inPackage(args.importer, 'archiver') ? { path: args.path, namespace: 'zip-writer-only' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'zip-writer-only' }, (args) => {
      if (args.path === 'readdir-glob') return { contents: refusingCommonJs('adding files from disk to an archive (readdir-glob)'), loader: 'js' };
      if (args.path === 'glob') return { contents: refusingCommonJs('globbing files for an archive (glob)', ['sync']), loader: 'js' };
      // archiver registers each format at load and checks it is a class with append and finalize.
      const format = args.path.endsWith('tar') ? 'a tar archive' : 'a JSON archive';
      return { contents: `${refusingCommonJs(format)}refuse.prototype.append = refuse;\nrefuse.prototype.finalize = refuse;\n`, loader: 'js' };
    });
  },
};

/**
 * npm nests a package once under each dependent that could not share the top-level copy:
 * readable-stream 3.6.2 sits five times under exceljs, archiver, zip-stream, compress-commons and
 * crc32-stream, and esbuild bundles each (about 37 KB apiece, each evaluated on first use). Files
 * with the same name and version are the same code, so an import that resolves into any copy is
 * sent to one of them (the first of their folders in alphabetical order), as a deduplicated install
 * would lay them out. Copies of different versions stay apart.
 */
const oneCopyPerVersion: Plugin = {
  name: 'one-copy-per-version',
  setup(b) {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
    // package folder (relative to the root) → the folder of the copy every import of that name and version goes to
    const canonical = new Map<string, string>();
    const firstOf = new Map<string, string>();
    for (const key of Object.keys(lock.packages).sort()) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(key)?.[1];
      const version = lock.packages[key]!.version;
      if (!name || !version) continue;
      const id = `${name}@${version}`;
      if (!firstOf.has(id)) firstOf.set(id, key);
      canonical.set(key, firstOf.get(id)!);
    }
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === oneCopyPerVersion || !args.importer.includes('node_modules')) return undefined;
      const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: oneCopyPerVersion });
      if (resolved.errors.length > 0 || resolved.external || !resolved.path.startsWith(root)) return undefined;
      const relative = resolved.path.slice(root.length + 1).split('\\').join('/');
      const folder = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(relative)?.[1];
      const target = folder ? canonical.get(folder) : undefined;
      if (!folder || !target || target === folder) return undefined;
      return { path: join(root, target, relative.slice(folder.length)) };
    });
  },
};

export const functionBundlePlugins: Plugin[] = [zodTwoLocales, zodWithoutExtras, zipWriterOnly, oneCopyPerVersion];
