import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * What a cloud function bundle leaves out of the libraries it carries, each measured with esbuild's
 * metafile (`npm run functions:measure -- --analyze` prints a bundle's biggest inputs). Every
 * replacement keeps the behaviour our code uses; what it drops is a feature we never call, and a
 * call to it fails loudly instead of silently doing something else.
 */

const root = join(__dirname, '..');
const zodDir = dirname(require.resolve('zod', { paths: [root] }));
const mongodbLib = dirname(require.resolve('mongodb', { paths: [root] }));

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
 * The driver parses connection strings with `whatwg-url`, a pure-JavaScript URL parser whose
 * Unicode tables (tr46) weigh about 280 KB. Node's own URL implements the same WHATWG standard.
 */
const nodeUrl: Plugin = {
  name: 'node-url',
  setup(b) {
    b.onResolve({ filter: /^whatwg-url$/ }, () => ({ path: 'whatwg-url', namespace: 'node-url' }));
    b.onLoad({ filter: /.*/, namespace: 'node-url' }, () => ({
      contents: 'module.exports = { URL: globalThis.URL, URLSearchParams: globalThis.URLSearchParams };\n',
      loader: 'js',
    }));
  },
};

/**
 * Client-side field-level encryption needs the mongodb-client-encryption addon, which the functions
 * never install: the driver's encrypter (and the 25 KB of encryption code behind it) is replaced by
 * one that refuses, as the real one does when the addon is missing.
 */
const noClientEncryption: Plugin = {
  name: 'no-client-encryption',
  setup(b) {
    b.onResolve({ filter: /^\.\/encrypter$/ }, (args) => (args.importer.startsWith(mongodbLib) ? { path: 'encrypter', namespace: 'no-client-encryption' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'no-client-encryption' }, () => ({
      contents: `class Encrypter {
  static checkForMongoCrypt() { throw new Error('autoEncryption is not available in this cloud function bundle'); }
}
module.exports = { Encrypter };\n`,
      loader: 'js',
    }));
  },
};

/**
 * The driver's index requires every feature it has (GridFS, explicit encryption, change streams,
 * bulk helpers...), and CommonJS cannot be tree-shaken. Our code uses the client and the error
 * classes, so `mongodb` in our code resolves to just those modules; the driver's own modules keep
 * requiring what they need.
 */
const leanMongodbEntry: Plugin = {
  name: 'lean-mongodb-entry',
  setup(b) {
    const lean = { path: 'mongodb', namespace: 'lean-mongodb-entry' };
    b.onResolve({ filter: /^mongodb$/ }, (args) => (args.importer.includes('/node_modules/') ? undefined : lean));
    // Two of the driver's modules require its index for an error class or two.
    b.onResolve({ filter: /^\.\.(\/\.\.)?$/ }, (args) => (args.importer.startsWith(mongodbLib) && join(dirname(args.importer), args.path) === mongodbLib ? lean : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lean-mongodb-entry' }, () => ({
      contents: "module.exports = { ...require('./error.js'), MongoClient: require('./mongo_client.js').MongoClient };\n",
      resolveDir: mongodbLib,
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

/** The driver reads its package.json for its name and version (sent in the handshake): 6 KB of it. */
const slimDriverPackageJson: Plugin = {
  name: 'slim-driver-package-json',
  setup(b) {
    b.onLoad({ filter: /[\\/]mongodb[\\/]package\.json$/ }, (args) => {
      if (args.path !== join(mongodbLib, '..', 'package.json')) return undefined;
      const { name, version } = JSON.parse(readFileSync(args.path, 'utf8')) as { name: string; version: string };
      return { contents: JSON.stringify({ name, version }), loader: 'json' };
    });
  },
};

export const functionBundlePlugins: Plugin[] = [zodTwoLocales, zodWithoutExtras, nodeUrl, noClientEncryption, leanMongodbEntry, slimDriverPackageJson];
