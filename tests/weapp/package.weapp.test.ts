/**
 * WeChat's static checks of the built package (miniprogram-ci, offline): every page and component
 * resolves, and the upload settings pass WeChat's code-quality scan. A copy of the package with a
 * page removed and a tag pointing nowhere shows the analysis does report such breakage.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { weappRoot } from './harness/mini-program';
import { checkPackages, type PackageReport } from './harness/package-checks';
import { pagesOf, type AppJson } from './harness/page-stack';

const rootDir = path.resolve(__dirname, '..', '..');
const appJson = JSON.parse(readFileSync(path.join(weappRoot, 'app.json'), 'utf8')) as AppJson;
const removedPage = 'subpackages/provider/pages/pool/index';

let scratch: string;
let built: PackageReport;
let broken: PackageReport;

beforeAll(async () => {
  scratch = mkdtempSync(path.join(tmpdir(), 'civic-weapp-broken-'));
  const copy = path.join(scratch, 'weapp');
  cpSync(weappRoot, copy, { recursive: true });
  for (const ext of ['js', 'json', 'wxml', 'wxss']) rmSync(path.join(copy, `${removedPage}.${ext}`));
  const homeJson = path.join(copy, 'pages', 'home', 'index.json');
  const home = JSON.parse(readFileSync(homeJson, 'utf8')) as { usingComponents: Record<string, string> };
  home.usingComponents['van-missing'] = '/npm/@vant/weapp/dist/missing/index';
  writeFileSync(homeJson, JSON.stringify(home));
  const reports = await checkPackages([weappRoot, copy]);
  built = reports[weappRoot]!;
  broken = reports[copy]!;
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('analyseCode resolves every page and component of build/weapp', () => {
  expect(built.unresolved).toEqual([]);
  const ids = new Set(built.modules.map((module) => module.id));
  for (const page of pagesOf(appJson)) expect(ids).toContain(`Page:${page}.json`);
  for (const tag of ['button', 'cell', 'field', 'switch', 'tag', 'empty', 'loading']) expect(ids).toContain(`Component:npm/@vant/weapp/dist/${tag}/index.json`);
});

test('analyseCode reports a missing page and a component that does not resolve', () => {
  expect(broken.unresolved).toEqual(
    expect.arrayContaining([
      expect.stringContaining(`Page:${removedPage}.json`),
      expect.stringMatching(/^Page:pages\/home\/index\.json -> \/npm\/@vant\/weapp\/dist\/missing\/index: /),
    ]),
  );
});

test('the project config compresses JS, WXML and WXSS on upload, and WeChat\'s quality scan passes', () => {
  const config = JSON.parse(readFileSync(path.join(rootDir, 'project.config.json'), 'utf8')) as { setting: Record<string, unknown> };
  expect(config.setting).toMatchObject({ minified: true, minifyWXML: true, minifyWXSS: true });
  const failed = built.quality.filter((check) => !check.success).map((check) => `${check.name}: ${check.text}`);
  expect(failed).toEqual([]);
  expect(built.quality.map((check) => check.name)).toEqual(
    expect.arrayContaining(['PACKAGE_SIZE_LIMIT', 'JS_COMPRESS_OPEN', 'WXML_COMPRESS_OPEN', 'WXSS_COMPRESS_OPEN']),
  );
});
