import type { NotifyTemplateGroup } from '../../../../config/server-config.schema';
import { ESCORT_REQUEST_OPEN, isOpenEscortRequest } from '../../../../shared/domain/escort-pool';
import { allServiceKinds, type ServiceKind } from '../../../../shared/domain/service-kinds';
import { MINUTE_MS } from '../../../../shared/domain/time';
import type { Clock } from '../../ports/clock';
import type { BookingDoc, BookingRepository } from '../../repositories/booking.repository';
import type { NotificationDoc, NotificationRepository, OutboxFeed } from '../../repositories/notification.repository';
import type { OutboxEvent } from '../../repositories/outbox.repository';
import type { ProviderRepository } from '../../repositories/provider.repository';
import { eventMessage, reminderMessage, type Audience, type Message, type ReminderOffset } from './notification-messages';

export const REMINDER_OFFSETS: Record<ReminderOffset, number> = { '24h': 24 * 60 * MINUTE_MS, '2h': 2 * 60 * MINUTE_MS };
/** A reminder whose time passed less than this long ago when the booking was confirmed is still made. */
const REMINDER_GRACE_MS = 10 * MINUTE_MS;

export type IntakeReport = { events: number; created: number; reminders: number; withdrawn: number };

type Deps = {
  notifications: NotificationRepository;
  outbox: OutboxFeed;
  bookings: BookingRepository;
  providers: ProviderRepository;
  clock: Clock;
  /** Whether WeChat messages of this group can be sent at all (credentials and a template configured). */
  channelOn: (group: NotifyTemplateGroup) => boolean;
};

export function reminderId(bookingId: string, offset: ReminderOffset, userId: string, startsAt: Date): string {
  return `reminder:${bookingId}:${offset}:${userId}:${startsAt.toISOString()}`;
}

/** Where a notice opens in the mini-program; `nid` lets the page mark it read. */
function pageFor(audience: Audience, bookingId: string | null, notificationId: string): string {
  const nid = `nid=${encodeURIComponent(notificationId)}`;
  // An escort who lost the job can no longer open it.
  if (!bookingId || audience === 'former_provider') return `pages/home/index?${nid}`;
  // An open request is claimed from the pool (the case page is for the escort who has it).
  if (audience === 'escort_pool') return `subpackages/provider/pages/pool/index?${nid}`;
  const base = audience === 'resident' ? 'subpackages/booking/pages/detail/index' : 'subpackages/provider/pages/case/index';
  return `${base}?bookingId=${encodeURIComponent(bookingId)}&${nid}`;
}

/** An escort's hospital, the one place worth naming; nothing is ever read from counseling details. */
function placeOf(booking: BookingDoc | null): string | null {
  return booking?.details.kind === 'escort' ? booking.details.hospital : null;
}

/**
 * Turns outbox events into notices, one per recipient, and keeps each booking's reminders in line
 * with it. Every write is keyed (`<eventId>:<userId>`, `reminder:…`), so an event handled twice (a
 * crash before it was marked, two workers at once) makes nothing twice.
 */
export class NotificationIntakeService {
  constructor(private readonly deps: Deps) {}

  async run(limit = 200): Promise<IntakeReport> {
    const report: IntakeReport = { events: 0, created: 0, reminders: 0, withdrawn: 0 };
    for (const event of await this.deps.outbox.pending(limit)) {
      await this.convert(event, report);
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
      await this.convert(event, { events: 0, created: 0, reminders: 0, withdrawn: 0 });
      await this.deps.outbox.markProcessed(event._id, this.deps.clock.now());
    } catch (error) {
      console.warn(`[notify] event ${event._id} left for the timer:`, (error as Error).message);
    }
  }

  private async convert(event: OutboxEvent, report: IntakeReport): Promise<void> {
    const booking = event.bookingId ? await this.deps.bookings.findById(event.bookingId) : null;
    const providerUserId = await this.providerUserOf(booking);
    const payload = event.payload as { service?: unknown; startsAt?: unknown; reason?: unknown };
    const service = (allServiceKinds as readonly unknown[]).includes(payload.service) ? (payload.service as ServiceKind) : booking?.service;
    const startsAt = typeof payload.startsAt === 'string' ? new Date(payload.startsAt) : booking?.startsAt;
    if (service && startsAt && !Number.isNaN(startsAt.getTime())) {
      for (const userId of new Set(event.recipients)) {
        const audience: Audience =
          event.type === ESCORT_REQUEST_OPEN
            ? 'escort_pool'
            : userId === booking?.bookerId
              ? 'resident'
              : userId === providerUserId || event.type !== 'booking_reassign'
                ? 'provider'
                : 'former_provider';
        const message = eventMessage({
          type: event.type,
          audience,
          service,
          startsAt,
          reason: typeof payload.reason === 'string' ? payload.reason : null,
          place: placeOf(booking),
        });
        const id = `${event._id}:${userId}`;
        const doc = this.notice({ id, userId, kind: 'event', type: event.type, bookingId: event.bookingId, message, audience, startsAt, dueAt: event.at });
        if (await this.deps.notifications.insertIfAbsent(doc)) report.created += 1;
      }
    }
    if (booking) await this.syncReminders(booking, providerUserId, report);
    if (booking?.service === 'escort') await this.withdrawStaleOffers(booking, event, report);
  }

  /**
   * Once a request is taken (or cancelled, or expired), the other escorts' notices of it are stale.
   * For the announcement itself the booking is read again after its notices went in: a claim that
   * landed meanwhile is then seen here, or its own event comes later and withdraws them.
   */
  private async withdrawStaleOffers(booking: BookingDoc, event: OutboxEvent, report: IntakeReport): Promise<void> {
    const latest = event.type === ESCORT_REQUEST_OPEN ? await this.deps.bookings.findById(booking._id) : booking;
    if (latest && isOpenEscortRequest(latest)) return;
    report.withdrawn += await this.deps.notifications.withdrawOfType(booking._id, ESCORT_REQUEST_OPEN, this.deps.clock.now());
  }

  /**
   * The reminders a booking should have now: 24 h and 2 h before a confirmed booking, for the
   * resident and the provider. Future reminders that no longer match (cancelled, moved, handed to
   * another escort) are withdrawn; a reminder withdrawn earlier that matches again is restored.
   */
  private async syncReminders(booking: BookingDoc, providerUserId: string | null, report: IntakeReport): Promise<void> {
    const now = this.deps.clock.now();
    const wanted = new Map<string, NotificationDoc>();
    if (booking.status === 'confirmed' && booking.startsAt > now) {
      const parties: [string, Audience][] = [[booking.bookerId, 'resident']];
      if (providerUserId && providerUserId !== booking.bookerId) parties.push([providerUserId, 'provider']);
      for (const [offset, ms] of Object.entries(REMINDER_OFFSETS) as [ReminderOffset, number][]) {
        const dueAt = new Date(booking.startsAt.getTime() - ms);
        if (dueAt.getTime() < now.getTime() - REMINDER_GRACE_MS) continue;
        for (const [userId, audience] of parties) {
          const id = reminderId(booking._id, offset, userId, booking.startsAt);
          const message = reminderMessage({ audience, service: booking.service, startsAt: booking.startsAt, place: placeOf(booking), offset });
          wanted.set(id, this.notice({ id, userId, kind: 'reminder', type: `reminder_${offset}`, bookingId: booking._id, message, audience, startsAt: booking.startsAt, dueAt }));
        }
      }
    }
    const stale = (await this.deps.notifications.futureReminders(booking._id, now)).filter((r) => !wanted.has(r._id));
    await this.deps.notifications.withdraw(stale.map((r) => r._id), now);
    report.withdrawn += stale.length;
    for (const doc of wanted.values()) {
      if (await this.deps.notifications.insertIfAbsent(doc)) {
        report.reminders += 1;
        continue;
      }
      const existing = await this.deps.notifications.findById(doc._id);
      if (existing?.withdrawnAt && existing.dueAt > now) {
        await this.deps.notifications.setPush(doc._id, { withdrawnAt: null, push: doc.push, nextAttemptAt: doc.dueAt, leaseUntil: null, updatedAt: now });
        report.reminders += 1;
      }
    }
  }

  private async providerUserOf(booking: BookingDoc | null): Promise<string | null> {
    if (!booking?.providerId) return null;
    return (await this.deps.providers.findById(booking.providerId))?.userId ?? null;
  }

  private notice(input: {
    id: string;
    userId: string;
    kind: NotificationDoc['kind'];
    type: string;
    bookingId: string | null;
    message: Message;
    audience: Audience;
    startsAt: Date;
    dueAt: Date;
  }): NotificationDoc {
    const now = this.deps.clock.now();
    // Reminders always pass the worker, which checks them against the booking when they fall due.
    const channelOn = this.deps.channelOn(input.message.group);
    return {
      _id: input.id,
      userId: input.userId,
      kind: input.kind,
      type: input.type,
      bookingId: input.bookingId,
      title: input.message.title,
      body: input.message.body,
      group: input.message.group,
      fields: input.message.fields,
      page: pageFor(input.audience, input.bookingId, input.id),
      startsAt: input.startsAt,
      createdAt: now,
      dueAt: input.dueAt,
      readAt: null,
      withdrawnAt: null,
      push: channelOn || input.kind === 'reminder' ? 'pending' : 'off',
      pushAttempts: 0,
      pushAttemptBase: 0,
      nextAttemptAt: input.dueAt,
      leaseUntil: null,
      lastError: null,
      templateId: null,
      sentAt: null,
      updatedAt: now,
    };
  }
}
