import type { NotifyTemplateGroup } from '../../../../config/server-config.schema';
import { subjectRef, type Subject } from '../../../../shared/domain/subject';
import { MINUTE_MS } from '../../../../shared/domain/time';
import type { Clock } from '../../ports/clock';
import type { NotificationDoc, NotificationRepository, OutboxFeed } from '../../repositories/notification.repository';
import type { OutboxEvent } from '../../repositories/outbox.repository';
import type { NoticeDraft, ReminderDraft, SubjectHandlers } from './subject-handlers';

/** A reminder whose time passed less than this long ago when the subject came to want it is still made. */
const REMINDER_GRACE_MS = 10 * MINUTE_MS;

export type IntakeReport = { events: number; created: number; reminders: number; withdrawn: number };

type Deps = {
  notifications: NotificationRepository;
  outbox: OutboxFeed;
  /** What each subject kind means: registered by its domain when the app is composed. */
  subjects: SubjectHandlers;
  clock: Clock;
  /** Whether WeChat messages of this group can be sent at all (credentials and a template configured). */
  channelOn: (group: NotifyTemplateGroup) => boolean;
};

export function reminderId(subject: Subject, key: string, userId: string, startsAt: Date): string {
  return `reminder:${subjectRef(subject)}:${key}:${userId}:${startsAt.toISOString()}`;
}

/** The page a notice opens, with `nid` so the page can mark it read. */
function withNid(page: string, notificationId: string): string {
  return `${page}${page.includes('?') ? '&' : '?'}nid=${encodeURIComponent(notificationId)}`;
}

/**
 * Turns outbox events into notices, one per recipient, and keeps each subject's reminders in line
 * with it; what an event means is its subject kind's handler's to say. Every write is keyed
 * (`<eventId>:<userId>`, `reminder:…`), so an event handled twice (a crash before it was marked, two
 * workers at once) makes nothing twice.
 */
export class NotificationIntakeService {
  constructor(private readonly deps: Deps) {}

  async run(limit = 200): Promise<IntakeReport> {
    const report: IntakeReport = { events: 0, created: 0, reminders: 0, withdrawn: 0 };
    for (const event of await this.deps.outbox.pending(limit)) {
      if (!(await this.convert(event, report))) continue;
      await this.deps.outbox.markProcessed(event._id, this.deps.clock.now());
      report.events += 1;
    }
    return report;
  }

  /**
   * Handles one event right after it was recorded, so notices reach the inbox in the call that made
   * them. Never fails that call: whatever goes wrong here, the event stays pending for the timer.
   */
  async handleNow(event: OutboxEvent): Promise<void> {
    try {
      if (await this.convert(event, { events: 0, created: 0, reminders: 0, withdrawn: 0 })) await this.deps.outbox.markProcessed(event._id, this.deps.clock.now());
    } catch (error) {
      console.warn(`[notify] event ${event._id} left for the timer:`, (error as Error).message);
    }
  }

  /** False when no handler knows the event's kind: it stays pending until one is registered. */
  private async convert(event: OutboxEvent, report: IntakeReport): Promise<boolean> {
    const handler = this.deps.subjects.get(event.subject.kind);
    if (!handler) {
      console.warn(`[notify] event ${event._id}: no handler for subjects of kind ${event.subject.kind}; left pending`);
      return false;
    }
    const reading = await handler.read(event, this.deps.clock.now());
    for (const draft of reading.notices) {
      const id = `${event._id}:${draft.userId}`;
      const doc = this.notice(id, { kind: 'event', type: event.type, subject: event.subject, dueAt: event.at, streetId: reading.streetId ?? null }, draft);
      if (await this.deps.notifications.insertIfAbsent(doc)) report.created += 1;
    }
    if (reading.reminders) await this.syncReminders(event.subject, reading.reminders, reading.reminderScope ?? null, reading.streetId ?? null, report);
    for (const type of await reading.outdatedTypes()) {
      report.withdrawn += await this.deps.notifications.withdrawOfType(event.subject, type, this.deps.clock.now());
    }
    return true;
  }

  /**
   * Makes the subject's reminders the ones its handler lists now: future reminders that no longer
   * match (cancelled, moved, handed to another escort) are withdrawn; a reminder withdrawn earlier
   * that matches again is restored. With a scope, only those recipients' reminders are touched.
   */
  private async syncReminders(subject: Subject, drafts: ReminderDraft[], scope: readonly string[] | null, streetId: string | null, report: IntakeReport): Promise<void> {
    const now = this.deps.clock.now();
    const inScope = (userId: string) => !scope || scope.includes(userId);
    const wanted = new Map<string, NotificationDoc>();
    for (const draft of drafts) {
      if (!inScope(draft.userId) || draft.dueAt.getTime() < now.getTime() - REMINDER_GRACE_MS) continue;
      const id = reminderId(subject, draft.key, draft.userId, draft.startsAt);
      wanted.set(id, this.notice(id, { kind: 'reminder', type: draft.type, subject, dueAt: draft.dueAt, streetId }, draft));
    }
    const stale = (await this.deps.notifications.futureReminders(subject, now)).filter((r) => inScope(r.userId) && !wanted.has(r._id));
    await this.deps.notifications.withdraw(stale.map((r) => r._id), now);
    report.withdrawn += stale.length;
    for (const doc of wanted.values()) {
      if (await this.deps.notifications.insertIfAbsent(doc)) {
        report.reminders += 1;
        continue;
      }
      const existing = await this.deps.notifications.findById(doc._id);
      if (existing?.withdrawnAt && existing.dueAt > now) {
        await this.deps.notifications.restore(doc._id, doc.push, doc.dueAt, now);
        report.reminders += 1;
      }
    }
  }

  private notice(id: string, about: Pick<NotificationDoc, 'kind' | 'type' | 'subject' | 'dueAt'> & { streetId: string | null }, draft: NoticeDraft): NotificationDoc {
    const now = this.deps.clock.now();
    // Reminders always pass the worker, which asks their handler whether they still hold when due.
    const channelOn = this.deps.channelOn(draft.message.group);
    return {
      _id: id,
      userId: draft.userId,
      kind: about.kind,
      type: about.type,
      subject: about.subject,
      streetId: about.streetId,
      title: draft.message.title,
      body: draft.message.body,
      group: draft.message.group,
      fields: draft.message.fields,
      page: withNid(draft.page, id),
      startsAt: draft.startsAt,
      createdAt: now,
      dueAt: about.dueAt,
      readAt: null,
      withdrawnAt: null,
      push: channelOn || about.kind === 'reminder' ? 'pending' : 'off',
      pushAttempts: 0,
      pushAttemptBase: 0,
      nextAttemptAt: about.dueAt,
      leaseUntil: null,
      lastError: null,
      templateId: null,
      sentAt: null,
      updatedAt: now,
    };
  }
}
