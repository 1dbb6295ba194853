import { ESCORT_REQUEST_OPEN, isOpenEscortRequest } from '../../../../shared/domain/escort-pool';
import { allServiceKinds, type ServiceKind } from '../../../../shared/domain/service-kinds';
import type { BookingDoc, BookingRepository } from '../../repositories/booking.repository';
import type { OutboxEvent } from '../../repositories/outbox.repository';
import type { ProviderRepository } from '../../repositories/provider.repository';
import { eventMessage, reminderMessage, type Audience } from '../notify/notification-messages';
import { reminderVerdict, remindersBefore } from '../notify/reminder-schedule';
import type { EventReading, NoticeDraft, ReminderDraft, SubjectHandler } from '../notify/subject-handlers';

type Deps = { bookings: BookingRepository; providers: ProviderRepository };

/** Where a booking's notice opens in the mini-program (notify adds `nid`). */
function pageFor(audience: Audience, booking: BookingDoc | null): string {
  // An escort who lost the job can no longer open it.
  if (!booking || audience === 'former_provider') return 'pages/home/index';
  // An open request is claimed from the pool (the case page is for the escort who has it).
  if (audience === 'escort_pool') return 'subpackages/provider/pages/pool/index';
  const base = audience === 'resident' ? 'subpackages/booking/pages/detail/index' : 'subpackages/provider/pages/case/index';
  return `${base}?bookingId=${encodeURIComponent(booking._id)}`;
}

/** An escort's hospital, the one place worth naming; nothing is ever read from counseling details. */
function placeOf(booking: BookingDoc | null): string | null {
  return booking?.details.kind === 'escort' ? booking.details.hospital : null;
}

/**
 * What bookings mean to notifications: who of the booking each recipient is (resident, provider, the
 * escort a job was taken from, an escort who may claim it), the page and place of each notice, the
 * 24 h and 2 h reminders of a confirmed booking, and escort offers that go stale once taken.
 */
export function bookingNoticeHandler(deps: Deps): SubjectHandler {
  const providerUserOf = async (booking: BookingDoc | null): Promise<string | null> =>
    booking?.providerId ? ((await deps.providers.findById(booking.providerId))?.userId ?? null) : null;

  function notices(event: OutboxEvent, booking: BookingDoc | null, providerUserId: string | null): NoticeDraft[] {
    const payload = event.payload as { service?: unknown; startsAt?: unknown; reason?: unknown };
    const service = (allServiceKinds as readonly unknown[]).includes(payload.service) ? (payload.service as ServiceKind) : booking?.service;
    const startsAt = typeof payload.startsAt === 'string' ? new Date(payload.startsAt) : booking?.startsAt;
    if (!service || !startsAt || Number.isNaN(startsAt.getTime())) return [];
    return [...new Set(event.recipients)].map((userId) => {
      const audience: Audience =
        event.type === ESCORT_REQUEST_OPEN
          ? 'escort_pool'
          : userId === booking?.bookerId
            ? 'resident'
            : userId === providerUserId || event.type !== 'booking_reassign'
              ? 'provider'
              : 'former_provider';
      const reason = typeof payload.reason === 'string' ? payload.reason : null;
      const message = eventMessage({ type: event.type, audience, service, startsAt, reason, place: placeOf(booking) });
      return { userId, message, page: pageFor(audience, booking), startsAt };
    });
  }

  /** 24 h and 2 h before a confirmed booking, for the resident and the provider. */
  function reminders(booking: BookingDoc, providerUserId: string | null, now: Date): ReminderDraft[] {
    if (booking.status !== 'confirmed') return [];
    const parties: [string, Audience][] = [[booking.bookerId, 'resident']];
    if (providerUserId && providerUserId !== booking.bookerId) parties.push([providerUserId, 'provider']);
    return remindersBefore(booking.startsAt, now, parties, 'reminder_', ([userId, audience], offset) => ({
      userId,
      message: reminderMessage({ audience, service: booking.service, startsAt: booking.startsAt, place: placeOf(booking), offset }),
      page: pageFor(audience, booking),
    }));
  }

  return {
    async read(event, now): Promise<EventReading> {
      const booking = event.subject.id ? await deps.bookings.findById(event.subject.id) : null;
      const providerUserId = await providerUserOf(booking);
      return {
        notices: notices(event, booking, providerUserId),
        streetId: booking?.streetId ?? null,
        // Cancelled, moved or handed to another escort: the reminders not listed any more are withdrawn.
        // A request still waiting on its create event never had any (they are made when confirmed;
        // every later change has its own event), so there is nothing to look up.
        reminders: booking && !(event.type === 'booking_requested' && booking.status === 'requested') ? reminders(booking, providerUserId, now) : null,
        async outdatedTypes() {
          if (booking?.service !== 'escort') return [];
          // Once a request is taken (or cancelled, or expired), the other escorts' offers are stale.
          // For the announcement itself the booking is read again after its notices went in: a claim
          // that landed meanwhile is then seen here, or its own event comes later and withdraws them.
          const latest = event.type === ESCORT_REQUEST_OPEN ? await deps.bookings.findById(booking._id) : booking;
          return latest && isOpenEscortRequest(latest) ? [] : [ESCORT_REQUEST_OPEN];
        },
      };
    },

    async stillHolds(notice, now) {
      if (notice.kind !== 'reminder' && notice.type !== ESCORT_REQUEST_OPEN) return null;
      const booking = notice.subject.id ? await deps.bookings.findById(notice.subject.id) : null;
      if (notice.kind === 'reminder') {
        const providerUserId = await providerUserOf(booking);
        const party = !!booking && (booking.bookerId === notice.userId || providerUserId === notice.userId);
        const verdict = reminderVerdict(notice, now, { wanted: party && booking.status === 'confirmed', startsAt: booking?.startsAt ?? null });
        if (verdict) return verdict;
      }
      // Taken by another escort (or withdrawn) since: telling of it now would send someone for nothing.
      if (notice.type === ESCORT_REQUEST_OPEN && (!booking || !isOpenEscortRequest(booking))) return 'withdrawn';
      return null;
    },
  };
}
