/**
 * A year of a district's data for the booking benchmark (`npm run bench -- --year`), and the staff
 * lists and counts timed over it.
 *
 * The documents are the ones the real write path leaves behind, built from the repositories' own
 * document types and the shared key builders (seat pools, claim ids, lock ids, subjects, reminder
 * and notice ids), so a format changed there changes here too. They are written with insertMany in
 * batches: going through the services would take an hour for a year (each create is a dozen round
 * trips), and the point is the engine's cost as the collections grow, not the write path's.
 *
 * What a past booking leaves: the booking in its final state, its transitions (`<id>#<seq>`), one
 * processed outbox event per transition (`transition:<transition id>`; an escort request also
 * `escort_request_open:<id>`), the notices made from them (`<event id>:<user id>`) and the 24 h / 2 h
 * reminders of a confirmed one. Seats and time locks of a finished booking are gone: released at
 * once when it was declined, expired, cancelled or lost, purged by the repair step two days after
 * its time otherwise; only the last two days' completed bookings still hold them.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Db, Document } from 'mongodb';
import type { App } from '../cloudfunctions/core/runtime/app';
import { allIndexes } from '../cloudfunctions/core/repositories/repositories';
import type { BookingDoc, StoredStatus, TransitionDoc } from '../cloudfunctions/core/repositories/booking.repository';
import type { SeatDoc, TimeLockDoc } from '../cloudfunctions/core/repositories/hold.repository';
import type { OutboxEvent } from '../cloudfunctions/core/repositories/outbox.repository';
import { startsDayOf } from '../cloudfunctions/core/repositories/booking-day-counts';
import { storedNotice, type NotificationDoc } from '../cloudfunctions/core/repositories/notification.repository';
import type { UserDoc } from '../cloudfunctions/core/repositories/user.repository';
import type { ProviderDoc } from '../cloudfunctions/core/repositories/provider.repository';
import type { ApplicationDoc, ApplicationTransitionDoc, VolunteerNumberDoc } from '../cloudfunctions/core/repositories/volunteer.repository';
import type { ActivityDoc, SignupDoc } from '../cloudfunctions/core/repositories/activity.repository';
import { logEntryId, markId, type AttendanceMarkDoc, type HoursLogDoc, type HoursRecordDoc } from '../cloudfunctions/core/repositories/attendance.repository';
import type { AttendanceDoc, ElderDoc } from '../cloudfunctions/core/repositories/training.repository';
import { reminderId } from '../cloudfunctions/core/services/notify/notification-intake.service';
import { REMINDER_OFFSETS } from '../cloudfunctions/core/services/notify/reminder-schedule';
import { bookerPersonKey, bookingSubject, escortDayPool, escortPersonKey, lockId, numberedClaimId, slotPool, timeBuckets } from '../shared/domain/hold-keys';
import { ESCORT_REQUEST_OPEN, escortsToTell } from '../shared/domain/escort-pool';
import { signupIdOf } from '../shared/domain/volunteer/activity-keys';
import { attendanceIdOf, trainingYearOf } from '../shared/domain/volunteer/training-rules';
import { volunteerNumber, volunteerNumberPool } from '../shared/domain/volunteer/registration-number';
import { allAdvisorTopics, allCounselingFormats, allCounselingTopics, allEscortEligibilities, type ServiceKind } from '../shared/domain/service-kinds';
import type { BookingDetails } from '../shared/schemas/booking-details.schema';
import { DAY_MS, MINUTE_MS } from '../shared/domain/time';

export type YearOptions = { bookings: number; log: (line: string) => void };
export type YearLoad = { counts: Record<string, number>; ms: number; sample: YearSample };
/** Real ids of the loaded year the staff actions are asked about. */
export type YearSample = { activityId: string; bookingId: string; escortBookingId: string };

/** Monday 2026-12-07 08:00 in Shanghai: the bench's fixed clock; the year loaded ends there. */
export const YEAR_CLOCK_AT = '2026-12-07T00:00:00.000Z';

const BATCH = 1000;
const HOLD_KEPT_MS = 2 * DAY_MS;
const RESIDENTS = 6000;
const VOLUNTEERS = 400;

// ---------------------------------------------------------------------------------------------
// A seeded random source, so every run loads the same year.

function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  /** One of `weights`' keys, with its weight's share. */
  const weighted = <K extends string>(weights: Record<K, number>): K => {
    const entries = Object.entries(weights) as [K, number][];
    let r = next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, w] of entries) if ((r -= w) < 0) return key;
    return entries[entries.length - 1]![0];
  };
  return { next, int, pick, weighted };
}

const opaqueId = (prefix: string, ...parts: (string | number)[]) => `${prefix}${createHash('sha256').update(parts.join(':')).digest('hex').slice(0, 22)}`;

// ---------------------------------------------------------------------------------------------
// Batched writes with progress lines. Collection names are checked against the repositories'
// index declarations, so a name that drifted from the repositories fails here, not silently.

class Writer {
  // training_elders is read by _id only, so its repository declares no index.
  private readonly known = new Set([...allIndexes.map((declaration) => declaration.collection), 'training_elders']);
  private readonly queued = new Map<string, Document[]>();
  private readonly seen = new Map<string, Set<string>>();
  readonly counts: Record<string, number> = {};

  constructor(
    private readonly db: Db,
    private readonly log: (line: string) => void,
  ) {}

  async add<T extends Document>(collection: string, doc: T): Promise<void> {
    if (!this.known.has(collection)) throw new Error(`no repository declares the collection ${collection}`);
    const list = this.queued.get(collection) ?? [];
    list.push(doc);
    this.queued.set(collection, list);
    if (list.length >= BATCH) await this.flush(collection);
  }

  async flush(collection?: string): Promise<void> {
    for (const name of collection ? [collection] : [...this.queued.keys()]) {
      const docs = this.queued.get(name) ?? [];
      if (docs.length === 0) continue;
      this.queued.set(name, []);
      await this.db.collection(name).insertMany(docs, { ordered: false });
      this.counts[name] = (this.counts[name] ?? 0) + docs.length;
    }
  }

  /** Adds the document unless one with its `_id` was added already (a key the real path inserts once). */
  async addOnce<T extends Document & { _id: string }>(collection: string, doc: T): Promise<void> {
    const seen = this.seen.get(collection) ?? new Set<string>();
    this.seen.set(collection, seen);
    if (seen.has(doc._id)) return;
    seen.add(doc._id);
    await this.add(collection, doc);
  }

  progress(label: string): void {
    const total = Object.values(this.counts).reduce((sum, n) => sum + n, 0);
    this.log(`  year: ${label} (${total.toLocaleString('en')} documents so far)`);
  }
}

// ---------------------------------------------------------------------------------------------

/** Loads a year before `app.clock.now()` into the app's database; the demo district must be seeded. */
export async function loadYearOfData(db: Db, app: App, options: YearOptions): Promise<YearLoad> {
  const started = performance.now();
  const rnd = randomSource(20261207);
  const now = app.clock.now();
  const writer = new Writer(db, options.log);
  const { repos } = app;

  const streets = await repos.district.listStreets();
  const communities = await repos.district.listCommunities();
  const stations = await repos.district.listStations({});
  const providers = await repos.providers.list({ activeOnly: true });
  const services = new Map((await repos.catalog.listServices()).map((service) => [service._id, service]));
  const byKind = (kind: ServiceKind) => providers.filter((provider) => provider.kind === kind);
  const escorts = byKind('escort');
  const staff = (await repos.users.findByOpenid('demo-staff-1'))?._id ?? 'system';
  const admin = (await repos.users.findByOpenid('demo-admin'))?._id ?? 'system';
  const streetOfCommunity = new Map(communities.map((community) => [community._id, community.streetId]));
  const stationById = new Map(stations.map((station) => [station._id, station]));
  options.log(`  year: ${streets.length} streets, ${communities.length} communities, ${stations.length} stations, ${providers.length} providers, ${options.bookings.toLocaleString('en')} bookings to write`);

  // Residents: the people who booked over the year.
  const residents: UserDoc[] = [];
  for (let n = 0; n < RESIDENTS; n += 1) {
    const at = new Date(now.getTime() - 400 * DAY_MS + rnd.int(30 * DAY_MS));
    const resident: UserDoc = {
      _id: app.ids.next('u'),
      openid: `year-resident-${n}`,
      name: `居民${n}`,
      phone: `137${String(n).padStart(8, '0')}`,
      communityId: rnd.pick(communities)._id,
      address: null,
      elderMode: rnd.next() < 0.4,
      roles: ['resident'],
      staffStreetId: null,
      createdAt: at,
      updatedAt: at,
    };
    residents.push(resident);
    await writer.add('users', resident);
  }
  await writer.flush('users');
  writer.progress(`${RESIDENTS} residents`);

  // Bookings, each through to its end.
  const seatsTaken = new Map<string, number>();
  let sample: BookingDoc | null = null;
  let escortSample: BookingDoc | null = null;
  for (let i = 0; i < options.bookings; i += 1) {
    const booking = pastBooking(i);
    if (!sample && booking.status === 'completed' && booking.streetId === 'st-nandajie') sample = booking;
    if (!escortSample && booking.service === 'escort' && booking.status === 'completed' && booking.streetId === 'st-nandajie') escortSample = booking;
    await writeLifecycle(booking);
    if ((i + 1) % 5000 === 0) writer.progress(`${(i + 1).toLocaleString('en')} bookings`);
  }
  await writer.flush();
  writer.progress(`${options.bookings.toLocaleString('en')} bookings with their transitions, events, notices and holds`);

  function pastBooking(i: number): BookingDoc {
    const kind = rnd.weighted<ServiceKind>({ advisor: 5, escort: 3, counseling: 2 });
    const service = services.get(kind)!;
    const resident = rnd.pick(residents);
    const forFamily = rnd.next() < 0.3 ? { name: `家属${i}`, phone: `136${String(i).padStart(8, '0')}`, relationship: 'parent' } : null;
    // A day of the past year and a half-hour slot between 09:00 and 16:30 district time.
    const day = 1 + rnd.int(365);
    const midnight = Math.floor(now.getTime() / DAY_MS) * DAY_MS - day * DAY_MS - 8 * 3_600_000;
    const startsAt = new Date(midnight + (9 * 60 + 30 * rnd.int(16)) * MINUTE_MS);
    const endsAt = new Date(startsAt.getTime() + service.durationMinutes * MINUTE_MS);
    const createdAt = new Date(startsAt.getTime() - (1 + rnd.int(10)) * DAY_MS - rnd.int(600) * MINUTE_MS);
    const status = rnd.weighted<'completed' | 'cancelled' | 'no_show' | 'declined' | 'expired' | 'failed'>({ completed: 70, cancelled: 10, no_show: 4, declined: 4, expired: 6, failed: 6 });
    const base = {
      _id: opaqueId('bk', resident._id, `year-${i}`),
      requestId: `year-${i}-${resident._id}`,
      service: kind,
      bookerId: resident._id,
      personKey: bookerPersonKey(resident._id, forFamily?.phone ?? null),
      forFamily,
      contactPhone: forFamily?.phone ?? resident.phone!,
      startsAt,
      endsAt,
      status,
      version: 0,
      acceptBy: new Date(Math.min(startsAt.getTime() - 2 * 3_600_000, createdAt.getTime() + service.acceptWindowMinutes * MINUTE_MS)),
      reason: null,
      serviceNotes: null,
      failure: null,
      released: false,
      createdAt,
      updatedAt: createdAt,
    };
    if (kind === 'escort') {
      const streetId = streetOfCommunity.get(resident.communityId!)!;
      const street = streets.find((s) => s._id === streetId)!;
      const eligibility = rnd.pick(allEscortEligibilities);
      const details: BookingDetails = { kind, hospital: '市第一人民医院', department: '心内科', pickupAddress: '小区东门', mobilityAids: [], eligibility, streetId };
      return {
        ...base,
        communityId: resident.communityId,
        // An escort joins once someone claims the request; one never claimed expired without one.
        providerId: status === 'expired' || status === 'failed' || (status === 'cancelled' && rnd.next() < 0.5) ? null : rnd.pick(escorts)._id,
        stationId: null,
        streetId,
        pool: escortDayPool(streetId, districtDay(startsAt)),
        poolCapacity: street.escortDailyCapacity,
        details,
        freeOfCharge: eligibility !== 'none' && rnd.next() < 0.8,
        eligibilityCheck: null,
      };
    }
    const provider: ProviderDoc = rnd.pick(byKind(kind));
    const station = provider.stationId ? stationById.get(provider.stationId) : undefined;
    const details: BookingDetails =
      kind === 'advisor' ? { kind, topic: rnd.pick(allAdvisorTopics), mode: 'station' } : { kind: 'counseling', format: rnd.pick(allCounselingFormats), topic: rnd.pick(allCounselingTopics) };
    return {
      ...base,
      communityId: station?.communityId ?? resident.communityId,
      providerId: provider._id,
      stationId: provider.stationId,
      streetId: station?.streetId ?? streetOfCommunity.get(resident.communityId!) ?? null,
      pool: slotPool(provider._id, startsAt),
      poolCapacity: 5,
      details,
      freeOfCharge: true,
      eligibilityCheck: undefined,
    };
  }

  /** The transitions of a booking's life, in order, as the services record them. */
  function lifeOf(booking: BookingDoc): { to: StoredStatus; action: string; actor: 'resident' | 'provider' | 'system' | 'staff' }[] {
    const create = { to: 'requested' as StoredStatus, action: 'create', actor: 'resident' as const };
    const accept = { to: 'confirmed' as StoredStatus, action: booking.service === 'escort' ? 'claim' : 'accept', actor: 'provider' as const };
    switch (booking.status) {
      case 'failed':
        return [{ to: 'failed', action: 'create', actor: 'resident' }];
      case 'completed':
        return [create, accept, { to: 'completed', action: 'complete', actor: 'provider' }];
      case 'no_show':
        return [create, accept, { to: 'no_show', action: 'no_show', actor: 'provider' }];
      case 'declined':
        return [create, { to: 'declined', action: 'decline', actor: booking.service === 'escort' ? 'staff' : 'provider' }];
      case 'expired':
        return [create, { to: 'expired', action: 'expire', actor: 'system' }];
      default:
        return booking.providerId ? [create, accept, { to: 'cancelled', action: 'cancel', actor: 'resident' }] : [create, { to: 'cancelled', action: 'cancel', actor: 'resident' }];
    }
  }

  async function writeLifecycle(booking: BookingDoc): Promise<void> {
    const providerUser = booking.providerId ? providers.find((p) => p._id === booking.providerId)!.userId : null;
    const steps = lifeOf(booking);
    let from: StoredStatus = 'holding';
    let at = booking.createdAt;
    const confirmedAt: Date[] = [];
    for (let seq = 1; seq <= steps.length; seq += 1) {
      const step = steps[seq - 1]!;
      if (seq > 1) at = new Date(Math.min(booking.endsAt.getTime() + 3_600_000, at.getTime() + (1 + rnd.int(48)) * 3_600_000));
      if (step.to === 'completed' || step.to === 'no_show') at = new Date(booking.endsAt.getTime() + rnd.int(120) * MINUTE_MS);
      const actorId = step.actor === 'resident' ? booking.bookerId : step.actor === 'provider' ? providerUser : step.actor === 'staff' ? staff : null;
      const failure = step.to === 'failed' ? (booking.service === 'escort' ? 'CAPACITY_REACHED' : 'SLOT_FULL') : null;
      const transition: TransitionDoc = {
        _id: `${booking._id}#${seq}`,
        bookingId: booking._id,
        seq,
        from,
        to: step.to,
        action: step.action,
        actorId,
        actorRole: step.actor,
        reason: failure ?? (step.to === 'declined' || step.to === 'cancelled' ? '时间冲突' : null),
        at,
        changes: failure ? { failure } : step.action === 'claim' ? { providerId: booking.providerId } : step.to === 'completed' ? { serviceNotes: '已完成服务' } : {},
      };
      await writer.add('transitions', transition);
      if (step.to === 'confirmed') confirmedAt.push(at);
      if (step.to !== 'failed') await writeEvent(booking, transition, providerUser);
      from = step.to;
    }
    const finished: BookingDoc = {
      ...booking,
      version: steps.length,
      updatedAt: at,
      failure: booking.status === 'failed' ? (booking.service === 'escort' ? 'CAPACITY_REACHED' : 'SLOT_FULL') : null,
      serviceNotes: booking.status === 'completed' ? '已完成服务' : null,
      reason: booking.status === 'declined' || booking.status === 'cancelled' ? '时间冲突' : null,
      // Declined, expired, cancelled and lost bookings gave their holds back at once.
      released: ['declined', 'expired', 'cancelled', 'failed'].includes(booking.status),
    };
    // As the repository stores it: with the district day it starts on.
    await writer.add('bookings', { ...finished, startsDay: startsDayOf(finished.startsAt) });
    if (confirmedAt.length > 0) await writeReminders(finished, providerUser, confirmedAt[0]!);
    if (!finished.released && now.getTime() - finished.startsAt.getTime() < HOLD_KEPT_MS) await writeHolds(finished);
  }

  async function writeEvent(booking: BookingDoc, t: TransitionDoc, providerUser: string | null): Promise<void> {
    const recipients = new Set<string>();
    if (t.actorId !== booking.bookerId) recipients.add(booking.bookerId);
    if (providerUser && t.actorId !== providerUser && !(booking.service === 'escort' && t.action === 'create')) recipients.add(providerUser);
    const event: OutboxEvent = {
      _id: `transition:${t._id}`,
      type: t.action === 'create' ? 'booking_requested' : `booking_${t.action}`,
      subject: bookingSubject(booking._id),
      recipients: [...recipients],
      payload: { service: booking.service, status: t.to, startsAt: booking.startsAt.toISOString(), reason: booking.service === 'counseling' ? null : t.reason },
      at: t.at,
      processedAt: t.at,
    };
    await writer.add('outbox', event);
    for (const userId of event.recipients) await writeNotice(`${event._id}:${userId}`, userId, 'event', event.type, booking, t.at, 'booking_status');
    if (booking.service === 'escort' && t.action === 'create') {
      const open: OutboxEvent = {
        ...event,
        _id: `${ESCORT_REQUEST_OPEN}:${booking._id}`,
        type: ESCORT_REQUEST_OPEN,
        recipients: escortsToTell(escorts, booking),
        payload: { service: booking.service, status: 'requested', startsAt: booking.startsAt.toISOString(), reason: null },
      };
      await writer.add('outbox', open);
      for (const userId of open.recipients) await writeNotice(`${open._id}:${userId}`, userId, 'event', open.type, booking, t.at, 'new_request');
    }
  }

  async function writeReminders(booking: BookingDoc, providerUser: string | null, confirmedAt: Date): Promise<void> {
    for (const [key, offset] of Object.entries(REMINDER_OFFSETS)) {
      const dueAt = new Date(booking.startsAt.getTime() - offset);
      if (dueAt < confirmedAt) continue;
      for (const userId of [booking.bookerId, providerUser]) {
        if (userId) await writeNotice(reminderId(bookingSubject(booking._id), key, userId, booking.startsAt), userId, 'reminder', `reminder_${key}`, booking, dueAt, 'booking_reminder');
      }
    }
  }

  async function writeNotice(id: string, userId: string, kind: NotificationDoc['kind'], type: string, booking: BookingDoc, at: Date, group: NotificationDoc['group']): Promise<void> {
    // Most were sent; some had no quota or template, and a few used up their attempts (notify.dead).
    const push = rnd.weighted<'sent' | 'off' | 'no_quota' | 'dead'>({ sent: 70, off: 15, no_quota: 12, dead: 3 });
    const notice: NotificationDoc = {
      _id: id,
      userId,
      kind,
      type,
      subject: bookingSubject(booking._id),
      title: kind === 'reminder' ? '预约提醒' : '预约有更新',
      body: `${booking.startsAt.toISOString().slice(0, 10)} 的预约`,
      group,
      fields: { time: booking.startsAt, status: booking.status },
      page: `subpackages/booking/pages/detail/index?bookingId=${encodeURIComponent(booking._id)}&nid=${encodeURIComponent(id)}`,
      startsAt: booking.startsAt,
      createdAt: at,
      dueAt: at,
      readAt: rnd.next() < 0.7 ? new Date(at.getTime() + 3_600_000) : null,
      withdrawnAt: null,
      push,
      pushAttempts: push === 'sent' ? 1 : push === 'dead' ? 5 : 0,
      pushAttemptBase: 0,
      nextAttemptAt: at,
      leaseUntil: null,
      lastError: push === 'dead' ? 'errcode 40001' : null,
      templateId: push === 'sent' || push === 'dead' ? 'tmpl-booking' : null,
      sentAt: push === 'sent' ? at : null,
      updatedAt: at,
    };
    await writer.add('notifications', storedNotice(notice));
  }

  /** A finished booking within the last two days still holds its seat and locks (not purged yet). */
  async function writeHolds(booking: BookingDoc): Promise<void> {
    const subject = bookingSubject(booking._id);
    const n = seatsTaken.get(booking.pool) ?? 0;
    if (n >= booking.poolCapacity) return;
    seatsTaken.set(booking.pool, n + 1);
    const seat: SeatDoc = { _id: numberedClaimId(booking.pool, n), pool: booking.pool, holder: `${booking._id}@${booking.pool}`, subject, startsAt: booking.startsAt, createdAt: booking.createdAt };
    await writer.add('seats', seat);
    const keys = [booking.personKey, ...(booking.service === 'escort' && booking.providerId ? [escortPersonKey(booking.providerId)] : [])];
    for (const personKey of keys) {
      for (const bucket of timeBuckets(booking.startsAt, booking.endsAt)) {
        const lock: TimeLockDoc = { _id: lockId(personKey, bucket), personKey, subject, bucket, createdAt: booking.createdAt };
        // Two sample bookings of one person may overlap; the real path would have refused the second.
        await writer.addOnce('timelocks', lock);
      }
    }
  }

  const volunteerSample = await loadVolunteerYear(writer, rnd, { now, communities: communities.map((c) => ({ _id: c._id, streetId: c.streetId })), staff, admin });
  await writer.flush();
  writer.progress('volunteers, activities, sign-ups, attendance, hours and training');

  // The admin's look-ups of people leave an audit trail; the repository writes its own shape.
  for (let i = 0; i < 3000; i += 1) {
    const resident = rnd.pick(residents);
    await repos.audit.add({
      _id: opaqueId('au', i),
      at: new Date(now.getTime() - rnd.int(365) * DAY_MS - rnd.int(600) * MINUTE_MS),
      actorId: rnd.next() < 0.5 ? admin : staff,
      actorRoles: ['staff'],
      action: rnd.pick(['staff.streetBooking', 'staff.findPeople', 'staff.reviewEligibility', 'staff.bookFor']),
      kind: rnd.next() < 0.6 ? 'view_person' : 'change',
      target: { userId: resident._id },
      fields: [],
    });
  }
  writer.counts.audit_log = (writer.counts.audit_log ?? 0) + 3000;
  writer.progress('3,000 audit entries');
  return {
    counts: writer.counts,
    ms: Math.round(performance.now() - started),
    sample: { activityId: volunteerSample.activityId, bookingId: sample?._id ?? '', escortBookingId: escortSample?._id ?? '' },
  };
}

function districtDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// The silver-age year: volunteers and their applications, past activities with their sign-ups,
// check-ins, hours and confirmations, and smart-technology classes with their elders' roll.

type Place = { _id: string; streetId: string };

async function loadVolunteerYear(
  writer: Writer,
  rnd: ReturnType<typeof randomSource>,
  context: { now: Date; communities: Place[]; staff: string; admin: string },
): Promise<{ activityId: string }> {
  const { now, communities, staff } = context;
  const volunteers: { userId: string; streetId: string; communityId: string }[] = [];
  for (let n = 0; n < VOLUNTEERS; n += 1) {
    const community = rnd.pick(communities);
    const userId = opaqueId('u', 'year-volunteer', n);
    const submittedAt = new Date(now.getTime() - (30 + rnd.int(330)) * DAY_MS);
    const status = rnd.weighted<'approved' | 'pending' | 'rejected' | 'left'>({ approved: 80, pending: 8, rejected: 8, left: 4 });
    const decided = status !== 'pending';
    const decidedAt = new Date(submittedAt.getTime() + (1 + rnd.int(5)) * DAY_MS);
    const approved = status === 'approved' || status === 'left';
    const user: UserDoc = {
      _id: userId,
      openid: `year-volunteer-${n}`,
      name: `志愿者${n}`,
      phone: `135${String(n).padStart(8, '0')}`,
      communityId: community._id,
      address: null,
      elderMode: true,
      roles: status === 'approved' ? ['resident', 'volunteer'] : ['resident'],
      staffStreetId: null,
      createdAt: submittedAt,
      updatedAt: decidedAt,
    };
    await writer.add('users', user);
    const year = new Date(decidedAt.getTime() + 8 * 3_600_000).getUTCFullYear();
    const number = approved ? volunteerNumber(year, n + 1) : null;
    const application: ApplicationDoc = {
      _id: `va-${userId}-1`,
      userId,
      seq: 1,
      communityId: community._id,
      streetId: community.streetId,
      status,
      version: decided ? (status === 'left' ? 2 : 1) : 0,
      profile: {
        name: user.name!,
        gender: rnd.next() < 0.5 ? 'female' : 'male',
        birthYear: 1950 + rnd.int(15),
        phone: user.phone!,
        background: 'intellectual',
        skills: ['performing_arts'],
        skillNote: null,
        availability: [{ weekday: 1 + rnd.int(5), part: 'morning' }],
        emergencyContact: { name: '家属', phone: '13900009999' },
        health: { fitForService: true, conditions: null },
      },
      idNumber: null,
      consent: { version: '2026-01', at: submittedAt },
      submittedAt,
      updatedAt: decided ? decidedAt : submittedAt,
      decision: decided ? { action: status === 'rejected' ? 'reject' : 'approve', by: staff, at: decidedAt, reason: status === 'rejected' ? '名额已满' : null, note: null, skills: approved ? ['performing_arts'] : null } : null,
      leftAt: status === 'left' ? new Date(decidedAt.getTime() + 60 * DAY_MS) : null,
      volunteerNumber: number,
      grantedRoles: approved ? ['volunteer'] : [],
    };
    await writer.add('volunteer_applications', application);
    if (decided) {
      const transition: ApplicationTransitionDoc = {
        _id: `${application._id}#1`,
        applicationId: application._id,
        userId,
        seq: 1,
        action: status === 'rejected' ? 'reject' : 'approve',
        from: 'pending',
        to: status === 'rejected' ? 'rejected' : 'approved',
        actorId: staff,
        at: decidedAt,
        reason: application.decision!.reason,
        note: null,
        skills: application.decision!.skills,
        roles: approved ? ['volunteer'] : [],
        appliedAt: decidedAt,
      };
      await writer.add('volunteer_transitions', transition);
    }
    if (number) {
      const claim: VolunteerNumberDoc = { _id: number, pool: volunteerNumberPool(year), seq: n + 1, holder: userId, createdAt: decidedAt };
      await writer.add('volunteer_numbers', claim);
    }
    if (status === 'approved') volunteers.push({ userId, streetId: community.streetId, communityId: community._id });
  }

  // About a dozen activities a week, each with its volunteers through to confirmed hours.
  let firstActivity = '';
  const sampleStreet = communities[0]!.streetId;
  for (let a = 0; a < 600; a += 1) {
    const community = rnd.pick(communities);
    const startsAt = new Date(now.getTime() - (1 + rnd.int(360)) * DAY_MS - rnd.int(8) * 3_600_000);
    const endsAt = new Date(startsAt.getTime() + 2 * 3_600_000);
    const kind = a % 5 === 0 ? 'tech_class' : rnd.pick(['festival_visit', 'spring_gala', 'other'] as const);
    const activity: ActivityDoc = {
      _id: opaqueId('ac', a),
      seriesId: null,
      kind,
      title: kind === 'tech_class' ? '智能手机课' : '节日探访',
      description: '',
      place: '社区活动室',
      communityId: community._id,
      streetId: community.streetId,
      startsAt,
      endsAt,
      roles: [{ code: kind === 'tech_class' ? 'teacher' : 'helper', label: kind === 'tech_class' ? '主讲' : '帮手', count: 6, skills: [] }],
      signUpOpensAt: new Date(startsAt.getTime() - 14 * DAY_MS),
      signUpClosesAt: new Date(startsAt.getTime() - DAY_MS),
      withdrawCutoffAt: new Date(startsAt.getTime() - DAY_MS),
      riskNote: '',
      insuranceRequired: false,
      bring: '',
      contactPhone: '13900000002',
      ...(kind === 'tech_class' ? { elderSeats: 20 } : {}),
      organizerId: staff,
      status: rnd.next() < 0.05 ? 'cancelled' : 'open',
      cancelReason: null,
      createdAt: new Date(startsAt.getTime() - 20 * DAY_MS),
      updatedAt: new Date(startsAt.getTime() - 20 * DAY_MS),
    };
    if (!firstActivity && activity.streetId === sampleStreet && activity.status === 'open') firstActivity = activity._id;
    await writer.add('activities', activity);
    if (activity.status === 'cancelled') continue;
    const team = new Set<number>();
    while (team.size < Math.min(5, volunteers.length)) team.add(rnd.int(volunteers.length));
    for (const v of team) {
      const volunteer = volunteers[v]!;
      const signupId = signupIdOf(activity._id, volunteer.userId);
      const signup: SignupDoc = {
        _id: signupId,
        activityId: activity._id,
        userId: volunteer.userId,
        role: activity.roles[0]!.code,
        state: 'placed',
        ticket: null,
        offerId: null,
        offerExpiresAt: null,
        startsAt,
        createdAt: activity.signUpOpensAt,
        updatedAt: activity.signUpOpensAt,
      };
      await writer.add('activity_signups', signup);
      const checkInAt = new Date(startsAt.getTime() - 10 * MINUTE_MS);
      const checkOutAt = new Date(endsAt.getTime() + rnd.int(20) * MINUTE_MS);
      const checkIn: AttendanceMarkDoc = { _id: markId('in', signupId), step: 'in', signupId, activityId: activity._id, userId: volunteer.userId, at: checkInAt, window: null, auto: false, closesAt: new Date(endsAt.getTime() + 2 * 3_600_000), open: false };
      const checkOut: AttendanceMarkDoc = { ...checkIn, _id: markId('out', signupId), step: 'out', at: checkOutAt, closesAt: null };
      await writer.add('attendance_marks', checkIn);
      await writer.add('attendance_marks', checkOut);
      const minutes = Math.round((checkOutAt.getTime() - checkInAt.getTime()) / MINUTE_MS);
      const record: HoursRecordDoc = {
        _id: signupId,
        activityId: activity._id,
        userId: volunteer.userId,
        streetId: activity.streetId,
        title: activity.title,
        startsAt,
        endsAt,
        checkInAt,
        checkOutAt,
        autoClosed: false,
        minutes,
        computedHours: Math.round(minutes / 30) / 2,
        createdAt: checkOutAt,
      };
      await writer.add('volunteer_hours', record);
      const confirmed: HoursLogDoc = {
        _id: logEntryId(record._id, 1),
        recordId: record._id,
        userId: volunteer.userId,
        seq: 1,
        type: 'confirmed',
        actorId: staff,
        at: new Date(checkOutAt.getTime() + DAY_MS),
        reason: null,
        hours: record.computedHours,
        notifiedAt: new Date(checkOutAt.getTime() + DAY_MS),
      };
      await writer.add('volunteer_hours_log', confirmed);
    }
    if (kind === 'tech_class') {
      // The class's elders on the roll: a person-time each.
      for (let e = 0; e < 12; e += 1) {
        const elderId = opaqueId('el', community._id, rnd.int(150));
        const attendance: AttendanceDoc = {
          _id: attendanceIdOf(activity._id, elderId),
          activityId: activity._id,
          seriesId: null,
          elderId,
          year: trainingYearOf(startsAt),
          communityId: community._id,
          streetId: community.streetId,
          walkIn: rnd.next() < 0.2,
          markedBy: staff,
          sessionStartsAt: startsAt,
          at: startsAt,
        };
        await writer.addOnce('training_attendance', attendance);
      }
    }
  }
  // The elders those rolls name.
  for (const community of communities) {
    for (let k = 0; k < 150; k += 1) {
      const elder: ElderDoc = {
        _id: opaqueId('el', community._id, k),
        name: `学员${k}`,
        communityId: community._id,
        streetId: community.streetId,
        ageBand: '70_79',
        source: 'walk_in',
        userId: null,
        enrolledBy: staff,
        createdAt: new Date(now.getTime() - 365 * DAY_MS),
      };
      await writer.add('training_elders', elder);
    }
  }
  return { activityId: firstActivity };
}

// ---------------------------------------------------------------------------------------------
// Staff lists and counts over the year: each action once, through its function's adapter (the
// caller's session, the action's schema, the audit entry), as the host runs it.

/**
 * What the timers do over a loaded year before the staff look at it, each step timed: the delivery
 * timer records that every notice has its subject and unread keys (storedNotice gave them, or a kept
 * database loaded before a key existed gets it here), the repair timer that every booking has its day
 * key, then counts and stores the settled past days. Once done, a later call only reads the facts.
 * A create never reads what these write, so the race may run before them.
 */
export async function runYearTimers(app: App, log: (line: string) => void): Promise<void> {
  const now = app.clock.now();
  const step = async (label: string, work: () => Promise<number>) => {
    const started = performance.now();
    const n = await work();
    if (n > 0) log(`  year: ${label}: ${n.toLocaleString('en')} in ${Math.round(performance.now() - started)} ms`);
    return n;
  };
  await step('notices given their subject key', () => app.repos.notifications.adoptSubjectKeys(now));
  for (let run = 1; (await step(`delivery timer run ${run}, unread notices given their unread key`, () => app.repos.notifications.adoptUnreadKeys(now))) > 0; run += 1);
  for (let run = 1; (await step(`repair timer run ${run}, bookings given their day key`, () => app.repos.bookings.adoptDayKeys(now))) > 0; run += 1);
  await step("repair timer, past days' booking counts read or stored", () => app.repos.bookings.settleDays(now));
}

/** An action's median time over the passes, and the total its reply gave. */
export type TimedAction = { label: string; ms: number; total?: number };

/** Prints each timed action (flagging those over a second) and gives the report's part both year benches write. */
export function reportStaffTimings(timed: TimedAction[]) {
  const slowest = timed.reduce((a, b) => (b.ms > a.ms ? b : a));
  for (const t of timed) console.log(`  ${t.label.padEnd(52)} ${String(t.ms).padStart(8)} ms${t.total !== undefined ? `  (total ${t.total})` : ''}${t.ms >= 1000 ? '  OVER 1 s' : ''}`);
  return {
    actions: Object.fromEntries(timed.map((t) => [t.label, t.ms])),
    totals: Object.fromEntries(timed.filter((t) => t.total !== undefined).map((t) => [t.label, t.total])),
    slowest: { action: slowest.label, ms: slowest.ms },
    overOneSecond: timed.filter((t) => t.ms >= 1000).map((t) => t.label),
  };
}

type Call = { label: string; who: 'staff' | 'admin' | 'advisor'; fn: string; event: Record<string, unknown> };

export async function timeStaffActions(
  app: App,
  functions: Record<string, { invoke: (app: App, event: unknown, identity: { kind: 'bearer'; token: string }) => Promise<{ ok: boolean; data?: unknown; error?: { code: string } }> }>,
  sample: YearSample,
  year: number,
  /** Sees each reply, so a caller can check a faster query still answers the same. */
  onReply: (label: string, data: unknown) => void = () => undefined,
): Promise<TimedAction[]> {
  const login = async (openid: string) => {
    const reply = await functions.user!.invoke(app, { action: 'devLogin', openid }, { kind: 'bearer', token: '' });
    if (!reply.ok) throw new Error(`devLogin ${openid} failed: ${JSON.stringify(reply.error)}`);
    return (reply.data as { token: string }).token;
  };
  const tokens = { staff: await login('demo-staff-1'), admin: await login('demo-admin'), advisor: await login('demo-advisor-1') };
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const calls: Call[] = [
    { label: 'staff.streetBookings (staff, no filter)', who: 'staff', fn: 'staff', event: { action: 'streetBookings' } },
    { label: 'staff.streetBookings (staff, escort)', who: 'staff', fn: 'staff', event: { action: 'streetBookings', service: 'escort' } },
    { label: 'staff.streetBookings (staff, completed)', who: 'staff', fn: 'staff', event: { action: 'streetBookings', status: 'completed' } },
    { label: 'staff.streetBookings (staff, one month)', who: 'staff', fn: 'staff', event: { action: 'streetBookings', from: `${year}-06-01`, to: `${year}-06-30` } },
    { label: 'staff.streetBookings (staff, one community)', who: 'staff', fn: 'staff', event: { action: 'streetBookings', communityId: 'cm-shuangguiping' } },
    { label: 'staff.streetBookings (staff, one station)', who: 'staff', fn: 'staff', event: { action: 'streetBookings', stationId: 'sn-xiaoying' } },
    { label: 'staff.streetBookings (admin, district)', who: 'admin', fn: 'staff', event: { action: 'streetBookings' } },
    { label: 'staff.streetBookings (admin, page 50)', who: 'admin', fn: 'staff', event: { action: 'streetBookings', page: 50, pageSize: 20 } },
    { label: 'staff.streetBookings (admin, counseling cancelled)', who: 'admin', fn: 'staff', event: { action: 'streetBookings', service: 'counseling', status: 'cancelled' } },
    { label: 'staff.streetBooking (one, with history)', who: 'staff', fn: 'staff', event: { action: 'streetBooking', bookingId: sample.bookingId } },
    { label: 'staff.dispatchQueue (admin)', who: 'admin', fn: 'staff', event: { action: 'dispatchQueue' } },
    { label: 'staff.escortDay', who: 'staff', fn: 'staff', event: { action: 'escortDay', bookingId: sample.escortBookingId } },
    { label: 'staff.auditLog (admin)', who: 'admin', fn: 'staff', event: { action: 'auditLog' } },
    { label: 'staff.auditLog (admin, views of people)', who: 'admin', fn: 'staff', event: { action: 'auditLog', kind: 'view_person' } },
    { label: 'staff.dashboard (staff)', who: 'staff', fn: 'staff', event: { action: 'dashboard', year } },
    { label: 'staff.dashboard (admin, district)', who: 'admin', fn: 'staff', event: { action: 'dashboard', year } },
    { label: 'staff.findPeople (admin, name)', who: 'admin', fn: 'staff', event: { action: 'findPeople', query: '居民12' } },
    { label: 'admin.stats (staff, the year)', who: 'staff', fn: 'admin', event: { action: 'stats', from, to } },
    { label: 'admin.stats (admin, the year)', who: 'admin', fn: 'admin', event: { action: 'stats', from, to } },
    { label: 'notify.dead (staff)', who: 'staff', fn: 'notify', event: { action: 'dead' } },
    { label: 'notify.dead (admin)', who: 'admin', fn: 'notify', event: { action: 'dead' } },
    { label: 'notify.list (advisor)', who: 'advisor', fn: 'notify', event: { action: 'list' } },
    { label: 'notify.unreadCount (advisor)', who: 'advisor', fn: 'notify', event: { action: 'unreadCount' } },
    { label: 'provider.inbox (advisor)', who: 'advisor', fn: 'provider', event: { action: 'inbox' } },
    { label: 'volunteer.applications (staff)', who: 'staff', fn: 'volunteer', event: { action: 'applications' } },
    { label: 'volunteer.applications (admin, approved)', who: 'admin', fn: 'volunteer', event: { action: 'applications', status: 'approved' } },
    { label: 'volunteer.manageOverview (staff)', who: 'staff', fn: 'volunteer', event: { action: 'manageOverview' } },
    { label: 'volunteer.managedActivities (staff, the year)', who: 'staff', fn: 'volunteer', event: { action: 'managedActivities', from, to } },
    { label: 'volunteer.managedActivities (admin, the year)', who: 'admin', fn: 'volunteer', event: { action: 'managedActivities', from, to } },
    { label: 'volunteer.activityHours (staff)', who: 'staff', fn: 'volunteer', event: { action: 'activityHours', activityId: sample.activityId } },
    { label: 'volunteer.pendingCorrections (staff)', who: 'staff', fn: 'volunteer', event: { action: 'pendingCorrections' } },
    { label: 'volunteer.trainingProgress (admin)', who: 'admin', fn: 'volunteer', event: { action: 'trainingProgress', year } },
  ];
  // Every call once per pass, PASSES passes; an action's time is its median. One timing swung by
  // half between runs on this machine. Only the first pass's replies are handed on: later passes see
  // the audit entries the first one's look-ups of people wrote.
  const times = new Map<string, number[]>();
  const totals = new Map<string, number>();
  for (let pass = 1; pass <= PASSES; pass += 1) {
    for (const call of calls) {
      const started = performance.now();
      const reply = await functions[call.fn]!.invoke(app, call.event, { kind: 'bearer', token: tokens[call.who] });
      const ms = Math.round((performance.now() - started) * 10) / 10;
      // A refused call would time an error, not the list.
      if (!reply.ok) throw new Error(`${call.label} failed: ${JSON.stringify(reply.error)}`);
      if (pass === 1) onReply(call.label, reply.data);
      const total = (reply.data as { total?: unknown } | undefined)?.total;
      if (pass === 1 && typeof total === 'number') totals.set(call.label, total);
      times.set(call.label, [...(times.get(call.label) ?? []), ms]);
    }
  }
  return calls.map(({ label }) => {
    const sorted = [...times.get(label)!].sort((a, b) => a - b);
    const total = totals.get(label);
    return { label, ms: sorted[Math.floor(sorted.length / 2)]!, ...(total !== undefined ? { total } : {}) };
  });
}

/** How many times each staff action is timed. */
const PASSES = 3;
