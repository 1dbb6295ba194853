/**
 * End-to-end: the built H5 app in headless Chromium against a real host (in this process) and the
 * real engine (MONGODB_URI when set, else the launcher starts one). Residents book, providers work,
 * elder mode and accessibility are measured on the real pages.
 *
 *   tsx tests/e2e/run-e2e.ts [--report=out.json] [--screenshots=dir]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureH5Build } from '../../host/h5-build';
import { loadHostConfig } from '../../host/host-config';
import { startLocalHost, type LocalHost } from '../../host/local-host';
import { launchBrowser } from './e2e-browser';
import {
  advisorAccepts,
  elderModeSizes,
  escortRequestClaimed,
  residentBooksAdvisor,
  residentCancels,
  residentReadsNotice,
  residentSeesConfirmed,
  type FlowContext,
} from './e2e-flows';
import { advisorSeesWhoBooked, availabilityCompact, escortToldClaimsAndWorks } from './e2e-provider-walk';
import { volunteerAppliesSignsUp } from './e2e-volunteer-walk';
import { volunteerChecksInTakesRoll } from './e2e-volunteer-attendance';
// volunteer — staff
import { staffRunsAnActivity } from './e2e-volunteer-staff-walk';
import { volunteerDownloadsCertificate } from './e2e-certificate-walk';
import { volunteerWholePath } from './e2e-volunteer-whole-path';
// staff desk
import { staffRunsTheDesk } from './e2e-staff-desk';
import { firstErrorInSight, formKeepsWhatWasTyped, noDeadEnds, phoneOnOneLineAt360, slotTakenWhileConfirming } from './e2e-resident-walk';
// staff sign-in
import { staffLogsInWithPassword, staffPagesInElderMode } from './e2e-staff-login';
// stations and providers
import { adminOpensAStationAndAnAdvisor } from './e2e-staff-stations';

const rootDir = path.resolve(__dirname, '..', '..');
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const reportPath = arg('report');
const screenshotDir = arg('screenshots');
const failureDir = path.join(rootDir, 'test-results', 'e2e');

type TestResult = { name: string; ok: boolean; error?: string; ms: number };

async function main(): Promise<number> {
  const started = Date.now();
  const results: TestResult[] = [];
  const log = (line: string) => console.log(line);
  await ensureH5Build({ log });

  const dataDir = mkdtempSync(path.join(tmpdir(), 'civic-e2e-'));
  const dbName = `e2e_${Date.now().toString(36)}_${process.pid}`;
  let host: LocalHost | null = null;
  const closeables: (() => Promise<void>)[] = [];
  try {
    const config = loadHostConfig({ ...process.env, APP_ENV: 'development', HOST: '127.0.0.1', PORT: '0', DB_NAME: dbName, DATA_DIR: dataDir, DEV_LOGIN: '1' });
    const quiet = (line: string) => {
      if (/error|fail/i.test(line)) console.log(line);
    };
    host = await startLocalHost({ config, staticDir: path.join(rootDir, 'build', 'h5'), log: quiet });
    log(`[e2e] host at ${host.url} (database ${dbName})`);

    const context = await launchBrowser(path.join(dataDir, 'chromium'));
    closeables.push(() => context.close());
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(20_000);
    const consoleErrors: string[] = [];
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
    const ctx: FlowContext = {
      page,
      baseUrl: host.url,
      findings: [],
      scanned: [],
      notes: [],
      snap: async (name) => {
        if (screenshotDir) await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
      },
    };

    // --grep <pattern>: only the tests whose name matches (for working on one flow).
    const grep = arg('grep');
    const test = async (name: string, body: () => Promise<void>) => {
      if (grep && !new RegExp(grep).test(name)) return;
      const t0 = Date.now();
      try {
        await body();
        results.push({ name, ok: true, ms: Date.now() - t0 });
        console.log(`ok   ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      } catch (error) {
        const message = (error as Error).message.split('\n').slice(0, 6).join('\n');
        results.push({ name, ok: false, error: message, ms: Date.now() - t0 });
        console.log(`FAIL ${name}: ${message}`);
        mkdirSync(failureDir, { recursive: true });
        const file = path.join(failureDir, `${name.replace(/[^\w-]+/g, '-')}.png`);
        await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
        console.log(`     screenshot: ${path.relative(rootDir, file)}`);
      }
    };

    await test('resident books a free advisor slot from the calendar', () => residentBooksAdvisor(ctx));
    await test('the advisor accepts the request in the inbox', () => advisorAccepts(ctx));
    await test('the resident sees the booking confirmed', () => residentSeesConfirmed(ctx));
    await test('the resident moves the confirmed booking to another free time, then cancels it', () => residentCancels(ctx));
    await test('an escort request for a parent is claimed by an escort', () => escortRequestClaimed(ctx));
    await test('a slot taken while confirming: back to a fresh list without it; back from the result goes home', () => slotTakenWhileConfirming(ctx));
    await test('the form keeps what was typed: whole long text, a spaced phone, a reload', () => formKeepsWhatWasTyped(ctx));
    await test('after an empty submit the first field at fault is in sight, with no toast over it', () => firstErrorInSight(ctx));
    await test('no dead ends: unknown page, wrong or missing id, back and home everywhere, a real favicon', () => noDeadEnds(ctx));
    await test('elder mode at 360 px: phone numbers stay on one line', async () => {
      if (!ctx.escortBookingId) throw new Error('needs the escort booking of an earlier test');
      await phoneOnOneLineAt360(ctx, ctx.escortBookingId);
    });
    await test('the resident finds the confirmation notice in the inbox', () => residentReadsNotice(ctx));
    await test('the advisor sees who booked: masked in the inbox, in full with a call button on the case', () => advisorSeesWhoBooked(ctx));
    await test('an escort is told of a new request, confirms the claim, and works it from the schedule', () => escortToldClaimsAndWorks(ctx));
    await test('the hours page is short and readable in elder mode', async () => {
      const { failures, report } = await availabilityCompact(ctx);
      for (const line of report) console.log(`     ${line}`);
      if (failures.length > 0) throw new Error(failures.join('\n'));
    });
    // volunteer — client
    await test('volunteer: a resident applies, is approved, signs up for an activity and finds it under 我的 (elder sizes held)', async () => {
      const { failures, report } = await volunteerAppliesSignsUp(ctx);
      for (const line of report) console.log(`     ${line}`);
      if (failures.length > 0) throw new Error(failures.join('\n'));
    });
    // volunteer — client: check-in/out, my hours, the teacher's roll, elders' class sign-up
    await test('volunteer: a resident signs up for a class, the teacher checks in and out with the code, sees 待确认 hours and takes the roll with a walk-in (elder sizes held)', async () => {
      const { failures, report } = await volunteerChecksInTakesRoll(ctx);
      for (const line of report) console.log(`     ${line}`);
      if (failures.length > 0) throw new Error(failures.join('\n'));
    });
    // volunteer — staff
    await test('volunteer staff: approves an application, creates an activity, reads its code, confirms the hours, sees the training progress (elder sizes held)', async () => {
      const { failures, report } = await staffRunsAnActivity(ctx);
      for (const line of report) console.log(`     ${line}`);
      if (failures.length > 0) throw new Error(failures.join('\n'));
    });
    // staff sign-in
    await test('staff log in with a password in the browser and land on home as 陈干事', () => staffLogsInWithPassword(ctx));
    await test('staff login and change-password pages in elder mode: text ≥ 18 px, key text ≥ 30 px, targets ≥ 60 px', async () => {
      const { failures, report } = await staffPagesInElderMode(ctx);
      for (const line of report) console.log(`     ${line}`);
      if (failures.length > 0) throw new Error(failures.join('\n'));
    });
    // documents — certificates
    await test('volunteer: downloads the 志愿服务记录证明 of this year; its text and QR code are right, the QR page says 有效 (elder sizes held)', async () => {
      const { failures, report } = await volunteerDownloadsCertificate(ctx);
      for (const line of report) console.log(`     ${line}`);
      if (failures.length > 0) throw new Error(failures.join('\n'));
    });
    // volunteer — the whole path on screens, staff on a second phone
    await test('volunteer whole path: apply → staff approve → sign up → check in and out with the code on the staff screen → hours corrected and shown → the roll moves the staff count → certificate downloaded and read', async () => {
      const { failures, report } = await volunteerWholePath(ctx);
      for (const line of report) console.log(`     ${line}`);
      if (failures.length > 0) throw new Error(failures.join('\n'));
    });
    // staff desk
    await test('staff desk: password login, the workbench, dispatch with a possible duplicate, the hardship check, 代办 for a walk-in, the dashboard draws and its workbook downloads with the right cells', async () => {
      const { failures, report } = await staffRunsTheDesk(ctx);
      for (const line of report) console.log(`     ${line}`);
      if (failures.length > 0) throw new Error(failures.join('\n'));
    });
    // stations and providers
    await test('stations and providers: admin opens a station with its weekday hours and an advisor there for a person found by phone, from the screens; the new pages hold elder sizes', async () => {
      const { failures, report } = await adminOpensAStationAndAnAdvisor(ctx);
      for (const line of report) console.log(`     ${line}`);
      if (failures.length > 0) throw new Error(failures.join('\n'));
    });
    await test('elder mode: text ≥ 18 px, key text ≥ 30 px, tap targets ≥ 60 px', async () => {
      const { failures, report } = await elderModeSizes(ctx);
      for (const line of report) console.log(`     ${line}`);
      if (failures.length > 0) throw new Error(failures.join('\n'));
    });
    await test('axe-core: no serious or critical violations on the main pages', async () => {
      console.log(`     scanned ${ctx.scanned.length} pages: ${ctx.scanned.join(', ')}`);
      if (ctx.scanned.length < 8) throw new Error(`only ${ctx.scanned.length} pages were reached for scanning`);
      if (ctx.findings.length > 0) {
        throw new Error(ctx.findings.map((f) => `${f.page}: ${f.id} (${f.impact}) ${f.nodes.join(', ')}`).join('\n'));
      }
    });
    for (const note of ctx.notes) console.log(`note: ${note}`);
    if (consoleErrors.length > 0) console.log(`note: page errors seen: ${consoleErrors.slice(0, 5).join(' | ')}`);

    await host.app.db.dropDatabase().catch((error: Error) => console.log(`[e2e] could not drop ${dbName}: ${error.message}`));
  } catch (error) {
    results.push({ name: 'set-up', ok: false, error: (error as Error).message, ms: 0 });
    console.log(`FAIL set-up: ${(error as Error).message}`);
  } finally {
    for (const close of closeables.reverse()) await close().catch(() => undefined);
    await host?.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  if (reportPath) {
    mkdirSync(path.dirname(path.resolve(reportPath)), { recursive: true });
    const tests = results.map(({ name, ok, error }) => (error ? { name, ok, error } : { name, ok }));
    writeFileSync(reportPath, `${JSON.stringify({ passed, failed, durationMs: Date.now() - started, tests }, null, 2)}\n`);
  }
  console.log(`e2e took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error);
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  },
);
