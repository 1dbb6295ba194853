/**
 * Fixtures for the notification tests: the template configuration, the `notify.deliver` timer run
 * through the same path the host's scheduler takes, outbox events written as the booking core
 * writes them, and a delivery worker in a child process that a test can kill.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { bookingSubject } from '../../shared/domain/subject';
import type { App } from '../../cloudfunctions/core/runtime/app';
import type { NotificationDoc } from '../../cloudfunctions/core/repositories/notification.repository';
import type { DeliveryReport } from '../../cloudfunctions/core/services/notify/notification-delivery.service';
import type { IntakeReport } from '../../cloudfunctions/core/services/notify/notification-intake.service';
import { cloudFunctions } from '../../cloudfunctions/registry';
import type { FakeWeChatServer } from './fake-wechat-server';
import { engineUri, expectOk, type TestApp } from './test-app';

export const TEMPLATE = { status: 'tmpl-status', reminder: 'tmpl-reminder', request: 'tmpl-request' } as const;

export const TEMPLATES = {
  booking_status: { id: TEMPLATE.status, fields: { service: 'thing1', time: 'time2', status: 'phrase3', note: 'thing4', place: 'thing5' } },
  booking_reminder: { id: TEMPLATE.reminder, fields: { service: 'thing1', time: 'time2', place: 'thing3', note: 'thing4' } },
  new_request: { id: TEMPLATE.request, fields: { service: 'thing1', time: 'time2', note: 'thing3' } },
};

/** Environment that turns the WeChat channel on against a fake server. */
export function wechatEnv(fake: FakeWeChatServer): Record<string, string> {
  return { WECHAT_APPID: fake.appId, WECHAT_SECRET: fake.appSecret, WECHAT_API_BASE: fake.url, WECHAT_TEMPLATES: JSON.stringify(TEMPLATES) };
}

export type DeliverReport = { intake: IntakeReport; delivery: DeliveryReport };

/** One run of the `notify.deliver` timer on this app. */
export async function deliver(app: App): Promise<DeliverReport> {
  return expectOk<DeliverReport>(await cloudFunctions.notify!.runTimer(app, 'deliver'));
}

let eventCounter = 0;

/** An outbox event as the booking core records it (status notice to `recipients`); without `bookingId` it names a booking that does not exist. */
export async function addEvent(app: App, recipients: string[], overrides: { type?: string; service?: string; startsAt?: string; bookingId?: string | null } = {}): Promise<string> {
  eventCounter += 1;
  const id = `transition:test-${process.pid}-${eventCounter}#2`;
  await app.repos.outbox.add({
    _id: id,
    type: overrides.type ?? 'booking_accept',
    subject: bookingSubject(overrides.bookingId ?? ''),
    recipients,
    payload: { service: overrides.service ?? 'advisor', status: 'confirmed', startsAt: overrides.startsAt ?? '2026-12-01T01:00:00.000Z', reason: null },
    at: app.clock.now(),
    processedAt: null,
  });
  return id;
}

export function notificationsOf(t: TestApp, filter: Record<string, unknown> = {}): Promise<NotificationDoc[]> {
  return t.db.collection<NotificationDoc>('notifications').find(filter as never).sort({ _id: 1 }).toArray();
}

/** Records one accepted consent per template through the function, as the client does after the dialog. */
export async function consent(t: TestApp, token: string, templateIds: string[], result: 'accept' | 'reject' | 'ban' = 'accept'): Promise<Record<string, number>> {
  const results = Object.fromEntries(templateIds.map((id) => [id, result]));
  return expectOk<{ quotas: Record<string, number> }>(await t.callAs(token, 'notify', { action: 'recordConsent', templateIds, results })).quotas;
}

const root = resolve(__dirname, '../..');

const childScript = `
const { openDedicatedClient } = require(${JSON.stringify(`${root}/cloudfunctions/core/db/mongo-connection`)});
const { createApp } = require(${JSON.stringify(`${root}/cloudfunctions/core/runtime/app`)});
const { parseServerConfig } = require(${JSON.stringify(`${root}/config/server-config.schema`)});
const { manualClock } = require(${JSON.stringify(`${root}/cloudfunctions/core/ports/clock`)});
(async () => {
  const client = await openDedicatedClient(process.env.MONGODB_URI);
  const config = parseServerConfig({ APP_ENV: 'test', ...process.env });
  const app = await createApp({ config, db: client.db(process.env.DB_NAME), clock: manualClock(process.env.NOW), ensureIndexes: false });
  const report = await app.services.notify.delivery.run();
  process.stdout.write(JSON.stringify(report));
  process.exit(0);
})().catch((error) => { console.error(error); process.exit(1); });
`;

/**
 * The delivery worker as a separate Node process on its own connection, with the clock at `now`:
 * a test kills it (SIGKILL) at a moment the fake server chooses, as a function instance dies.
 */
export function spawnWorker(t: TestApp, env: Record<string, string>, now: Date): ChildProcess & { exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', childScript], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', MONGODB_URI: engineUri(), DB_NAME: t.dbName, NOW: now.toISOString(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  const exited = new Promise<number | null>((resolvePromise) =>
    child.on('exit', (code) => {
      if (code) console.error(`worker exited with ${code}: ${stderr}`);
      resolvePromise(code);
    }),
  );
  return Object.assign(child, { exited });
}
