/**
 * Builds every cloud function as WeChat Cloud would receive it, loads each bundle from disk in a
 * fresh Node process (as a function instance starts) and calls its main with a WeChat-like
 * invocation: the bundle reads the caller from the WX_* environment variables the platform sets
 * (as wx-server-sdk's getWXContext does; tests/unit/wechat-context.test.ts compares them), and it
 * reaches the real local engine.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MongoClient } from 'mongodb';
import { buildFunctions, type BuiltFunction } from '../../scripts/build-functions';
import { engineUri, expectOk, testConfig, type TestApp } from '../helpers/test-app';
// documents — certificates
import { openDedicatedClient } from '../../cloudfunctions/core/db/mongo-connection';
import { manualClock } from '../../cloudfunctions/core/ports/clock';
import { createApp } from '../../cloudfunctions/core/runtime/app';
import type { IdentitySource } from '../../cloudfunctions/core/runtime/caller';
import { cloudFunctions } from '../../cloudfunctions/registry';
import { seedDemoDistrict } from '../../host/seed/seed-demo-district';
import { certifiableVolunteer, serveActivity } from '../helpers/certificate-fixtures';
import { pdfText, qrMismatches } from '../helpers/pdf-text';
import { CERTIFICATE_QR } from '../../cloudfunctions/core/services/documents/certificate-pdf';
import type { Envelope } from '../../shared/errors';
// exports
import ExcelJS from 'exceljs';

jest.setTimeout(120_000);

let out: string;
let built: BuiltFunction[];
const dbName = `t_bundles_${Date.now().toString(36)}`;
let wechatEnv: Record<string, string>;
const lockedDriver = (JSON.parse(readFileSync(resolve(__dirname, '../../package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> }).packages['node_modules/mongodb']!.version;

beforeAll(async () => {
  // Inside the repository so an external the bundle requires (the argon2 addon) resolves to the
  // installed one, as it does in WeChat Cloud where the platform installs it from package.json.
  const parent = resolve(__dirname, '../../build/test-bundles');
  mkdirSync(parent, { recursive: true });
  out = mkdtempSync(join(parent, 'cloudfunctions-'));
  built = await buildFunctions(out);
  wechatEnv = {
    MONGODB_URI: engineUri(),
    DB_NAME: dbName,
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
    WX_OPENID: 'oWeChatCaller123',
    WX_APPID: 'wx-test-appid',
    WX_UNIONID: '',
    TCB_ENV: 'test-env',
  };
});

afterAll(async () => {
  rmSync(out, { recursive: true, force: true });
  const client = new MongoClient(engineUri());
  await client.connect();
  await client.db(dbName).dropDatabase();
  await client.close();
});

type Main = (event: unknown, context: unknown) => Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>;

const runner = `
const [file, event, context] = process.argv.slice(1);
require(file).main(JSON.parse(event), JSON.parse(context))
  .then((reply) => { process.stdout.write(JSON.stringify(reply)); process.exit(0); })
  .catch((error) => { console.error(error); process.exit(1); });
`;

/** Calls a built bundle's main in a new Node process with the WeChat environment. */
function load(name: string, env: Record<string, string> = {}): Main {
  const file = join(out, name, 'index.js');
  return async (event, context) => {
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', runner, file, JSON.stringify(event), JSON.stringify(context)], {
      env: { PATH: process.env.PATH ?? '', ...wechatEnv, ...env },
    });
    return JSON.parse(stdout);
  };
}

const wechatContext = { callbackWaitsForEmptyEventLoop: false, memory_limit_in_mb: 256, time_limit_in_ms: 3000, request_id: 'req-1', environ: '', function_version: '$LATEST', function_name: 'user', namespace: 'test-env' };

describe('built cloud functions', () => {
  it('emits index.js, package.json and config.json for each function', () => {
    expect(built.map((b) => b.name).sort()).toEqual(['admin', 'booking', 'catalog', 'documents', 'exports', 'notify', 'provider', 'staff', 'user', 'volunteer']);
    for (const fn of built) {
      for (const file of ['index.js', 'package.json', 'config.json']) expect(existsSync(join(fn.dir, file))).toBe(true);
      const pkg = JSON.parse(readFileSync(join(fn.dir, 'package.json'), 'utf8'));
      expect(pkg.main).toBe('index.js');
      // The platform installs these beside index.js at deploy; the driver at the version every test ran.
      expect(Object.keys(pkg.dependencies)).toEqual(['wx-server-sdk', '@node-rs/argon2', 'mongodb']);
      expect(pkg.dependencies.mongodb).toBe(lockedDriver);
      const config = JSON.parse(readFileSync(join(fn.dir, 'config.json'), 'utf8'));
      expect(config).toHaveProperty('permissions.openapi');
      expect(Array.isArray(config.triggers)).toBe(true);
      // One file and small: no node_modules beside it (the platform's install makes it).
      expect(existsSync(join(fn.dir, 'node_modules'))).toBe(false);
      // exports carries exceljs and pdfkit on top of what every function holds (its own budget below).
      if (fn.name !== 'exports') expect(fn.bytes).toBeLessThan(2 * 1024 * 1024);
    }
  });

  it('user.main names the caller from the WeChat context, not the event', async () => {
    const main = load('user');
    const me = await main({ action: 'me', openid: 'someone-else', userInfo: { openId: 'someone-else', appId: 'x' } }, wechatContext);
    expect(me).toMatchObject({ ok: true, data: { openid: 'oWeChatCaller123', roles: ['resident'] } });
    const login = await main({ action: 'login', code: 'ignored-inside-wechat' }, wechatContext);
    expect(login).toMatchObject({ ok: true, data: { user: { openid: 'oWeChatCaller123' } } });
  });

  it('user.main rejects malformed events with VALIDATION_FAILED', async () => {
    const main = load('user');
    expect(await main({ action: 'updateProfile', phone: { $gt: '' } }, wechatContext)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('admin.main refuses a caller who is not an admin', async () => {
    const main = load('admin');
    expect(await main({ action: 'grantRoles', userId: 'u1', roles: ['admin'] }, wechatContext)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('without a WeChat caller, main answers UNAUTHENTICATED', async () => {
    expect(await load('user', { WX_CONTEXT_KEYS: '' })({ action: 'me' }, wechatContext)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  // documents — certificates
  it('keeps the rendering libraries in the functions marked renders, and out of every other bundle', () => {
    expect(built.filter((fn) => fn.renders).map((fn) => fn.name)).toEqual(['documents', 'exports']);
    for (const fn of built.filter((b) => !b.renders)) expect([fn.name, fn.renderingPackages]).toEqual([fn.name, []]);
    const documents = built.find((fn) => fn.name === 'documents')!;
    expect(documents.renderingPackages).toEqual(expect.arrayContaining(['fontkit', 'pdfkit', 'qrcode']));
    // The font is read at run time, never bundled: no font file beside index.js, and the bundle is
    // not much bigger than the others (the libraries, not megabytes of glyphs).
    expect(readdirSync(documents.dir).sort()).toEqual(['config.json', 'index.js', 'package.json']);
    const everyday = Math.max(...built.filter((b) => !b.renders).map((b) => b.bytes));
    expect(documents.bytes - everyday).toBeLessThan(800 * 1024);
    // exports — exceljs' streaming writer only (not its reading side, not the in-memory writer's
    // jszip), no PDF libraries (the hours PDF is the documents function's), no font; within 1.5 MB.
    const exports = built.find((fn) => fn.name === 'exports')!;
    expect(exports.renderingPackages).toEqual(['exceljs']);
    expect(readdirSync(exports.dir).sort()).toEqual(['config.json', 'index.js', 'package.json']);
    expect(Object.keys(exports.inputBytes).filter((file) => /node_modules\/(unzipper|fast-csv|jszip|pako)\//.test(file))).toEqual([]);
    // nor archiver's tar format and glob libraries (exceljs only zips entries it writes in memory).
    expect(Object.keys(exports.inputBytes).filter((file) => /node_modules\/(tar-stream|readdir-glob|glob|path-scurry|minimatch)\//.test(file))).toEqual([]);
    for (const fn of built.filter((b) => b.renders)) expect([fn.name, fn.bytes <= 1.5 * 1024 * 1024]).toEqual([fn.name, true]);
  });

  it('exports.main writes a workbook from the bundle (exceljs\' streaming writer alone)', async () => {
    const client = await openDedicatedClient(engineUri());
    try {
      const app = await createApp({ config: testConfig({ DB_NAME: dbName }), db: client.db(dbName), clock: manualClock(new Date()) });
      await seedDemoDistrict(app);
      const staff = await app.services.users.ensureUser('oWeChatStaff456');
      await app.services.users.grantRoles(staff._id, ['staff'], 'st-nandajie');
    } finally {
      await client.close();
    }
    const main = load('exports', { WX_OPENID: 'oWeChatStaff456' });
    const reply = await main({ action: 'dashboardXlsx' }, { ...wechatContext, function_name: 'exports' });
    const { base64, fileName } = expectOk<{ base64: string; fileName: string }>(reply as Envelope<unknown>);
    expect(fileName).toMatch(/^南大街-预约明细-\d{4}-01-01至\d{4}-\d{2}-\d{2}-\d{8}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['汇总', '预约明细']);
    expect(String(workbook.getWorksheet('汇总')!.getCell('A5').value)).toBe('南大街街道');
  });

  // lean bundles
  it('each bundle holds its own services and no library part the functions never call', () => {
    const holds = (name: string, pattern: RegExp) => Object.keys(built.find((fn) => fn.name === name)!.inputBytes).filter((file) => pattern.test(file));
    for (const fn of built) {
      const files = Object.keys(fn.inputBytes);
      // zod's other locales; none of the driver, which the bundle requires from the platform's install.
      expect([fn.name, files.filter((f) => /zod\/v4\/locales\/(?!en\.js|zh-CN\.js)/.test(f))]).toEqual([fn.name, []]);
      expect([fn.name, files.filter((f) => /node_modules\/(mongodb|bson|mongodb-connection-string-url|whatwg-url|tr46|@mongodb-js\/saslprep)\//.test(f))]).toEqual([fn.name, []]);
      expect([fn.name, readFileSync(join(fn.dir, 'index.js'), 'utf8').includes('require("mongodb")')]).toEqual([fn.name, true]);
      // One copy of each package at each version (npm nests readable-stream 3.6.2 five times under exceljs' zip writer).
      const copies = new Map<string, Set<string>>();
      for (const file of files) {
        const folder = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(file);
        if (!folder) continue;
        const id = `${folder[2]}@${(JSON.parse(readFileSync(resolve(__dirname, '../..', folder[1]!, 'package.json'), 'utf8')) as { version: string }).version}`;
        copies.set(id, (copies.get(id) ?? new Set()).add(folder[1]!));
      }
      expect([fn.name, [...copies].filter(([, folders]) => folders.size > 1).map(([id]) => id)]).toEqual([fn.name, []]);
    }
    // A function composes the services it lists, not every service (notify's subject handlers,
    // `*-notices.ts`, come with notify: it must know what each kind of notice is about).
    expect(holds('catalog', /services\/booking\/booking-create\.service/)).toEqual([]);
    expect(holds('booking', /services\/(activity|training|staff-auth)\/.*\.service\.ts$/)).toEqual([]);
    expect(holds('user', /services\/(booking|activity|training|notify)\//)).toEqual([]);
    expect(holds('booking', /services\/booking\/booking-create\.service/)).toHaveLength(1);
  });

  it('keeps every bundle within its size', () => {
    // Everyday bundles ≤ 600 KB and renderers ≤ 1.5 MB, without the driver the platform installs
    // beside them (docs/architecture.md, Cloud build).
    const over = built.filter((fn) => fn.bytes > (fn.renders ? 1536 : 600) * 1024).map((fn) => `${fn.name} ${Math.round(fn.bytes / 1024)} KB`);
    expect(over).toEqual([]);
  });

  it('documents.main renders a certificate from the bundle with the font found at run time', async () => {
    // The volunteer, their hours and the street are made in this process on the bundle's database;
    // the WeChat caller of the bundle is the volunteer.
    const clock = manualClock(new Date(Date.now() - 20 * 24 * 3600_000));
    const client = await openDedicatedClient(engineUri());
    const app = await createApp({ config: testConfig({ DB_NAME: dbName }), db: client.db(dbName), clock });
    const t = { app, call: (fn: string, event: unknown, identity: IdentitySource = { kind: 'bearer', token: null }) => cloudFunctions[fn]!.invoke(app, event, identity) } as TestApp;
    t.callAs = (token, fn, event) => t.call(fn, event, { kind: 'bearer', token });
    try {
      await seedDemoDistrict(app);
      const { approver, volunteer } = await certifiableVolunteer(t, 'oWeChatCaller123');
      const activityId = await serveActivity(t, clock, approver.token, volunteer, '智能手机入门课', 2);
      expectOk(await t.callAs(approver.token, 'volunteer', { action: 'confirmHours', activityId, volunteerId: volunteer.userId }));
    } finally {
      await client.close();
    }
    const main = load('documents', { PUBLIC_BASE_URL: 'https://mz.example.cn' });
    const from = new Date(clock.now().getTime() - 24 * 3600_000).toISOString().slice(0, 10);
    const reply = await main({ action: 'issueCertificate', from, to: new Date().toISOString().slice(0, 10) }, { ...wechatContext, function_name: 'documents' });
    const { base64, serial, mimeType } = expectOk<{ base64: string; serial: string; mimeType: string }>(reply as Envelope<unknown>);
    expect(mimeType).toBe('application/pdf');
    const { text, images } = await pdfText(Buffer.from(base64, 'base64'));
    expect(text).toContain('姓名：王喆');
    expect(text).toContain(`https://mz.example.cn/verify/${serial}`);
    expect(images.map((image) => qrMismatches(image, `https://mz.example.cn/verify/${serial}`, CERTIFICATE_QR.errorCorrectionLevel))).toEqual([0]);
  });
});
