/**
 * What the function bundles leave out fails loudly when called, and what they keep still works:
 * archiver (exceljs' zip writer) is bundled here with the same plugins as a cloud function and run.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { functionBundlePlugins } from '../../scripts/function-bundle-plugins';

jest.setTimeout(60_000);

type Archive = NodeJS.ReadableStream & { append(data: string, entry: { name: string }): void; finalize(): Promise<void>; glob(pattern: string): void };
type ArchiverBundle = { archiver: (format: string) => Archive; expand: (pattern: string) => string[]; inputs: string[] };

let dir: string;
let bundle: ArchiverBundle;

beforeAll(async () => {
  // Inside the repository, so the bundle's own requires of Node built-ins resolve as in a function.
  const parent = resolve(__dirname, '../../build/test-bundles');
  mkdirSync(parent, { recursive: true });
  dir = mkdtempSync(join(parent, 'plugins-'));
  const entry = join(dir, 'entry.js');
  writeFileSync(entry, "module.exports = { archiver: require('archiver'), expand: require('archiver-utils').file.expand };\n");
  const result = await build({ entryPoints: [entry], outfile: join(dir, 'out.js'), bundle: true, platform: 'node', format: 'cjs', metafile: true, logLevel: 'silent', plugins: functionBundlePlugins });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  bundle = { ...(require(join(dir, 'out.js')) as Omit<ArchiverBundle, 'inputs'>), inputs: Object.keys(result.metafile.inputs) };
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('zip-writer-only', () => {
  it('leaves the tar format and the glob libraries out of the bundle', () => {
    expect(bundle.inputs.filter((file) => /node_modules\/(tar-stream|readdir-glob|glob|path-scurry|minimatch|lru-cache)\//.test(file))).toEqual([]);
    expect(bundle.inputs.filter((file) => /archiver\/lib\/plugins\/(tar|json)\.js$/.test(file))).toEqual([]);
  });

  it('still writes a zip of in-memory entries, as exceljs does', async () => {
    const archive = bundle.archiver('zip');
    const chunks: Buffer[] = [];
    archive.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((done) => archive.on('end', done));
    archive.append('<x/>', { name: 'a.xml' });
    await archive.finalize();
    await ended;
    const zip = Buffer.concat(chunks);
    expect(zip.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(zip.includes(Buffer.from('a.xml'))).toBe(true);
  });

  it('refuses a tar or JSON archive, a glob and a directory walk, by name', () => {
    expect(() => bundle.archiver('tar')).toThrow('a tar archive is not in cloud function bundles');
    expect(() => bundle.archiver('json')).toThrow('a JSON archive is not in cloud function bundles');
    expect(() => bundle.archiver('zip').glob('*.js')).toThrow('adding files from disk to an archive (readdir-glob) is not in cloud function bundles');
    expect(() => bundle.expand('*.js')).toThrow('globbing files for an archive (glob) is not in cloud function bundles');
  });
});
