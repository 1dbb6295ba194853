import { bookingStatusLabels, cancellationDeadline, type BookingStatus } from '../../../../shared/domain/booking-lifecycle';
import { maskAddress, maskName, maskPhone } from '../../../../shared/domain/masking';
import type { BookingDetails } from '../../../../shared/schemas/booking-details.schema';
import type { BookingDoc, TransitionDoc } from '../../repositories/booking.repository';
import type { ProviderDoc } from '../../repositories/provider.repository';
import type { Caller } from '../../runtime/caller';

/**
 * How the caller stands to a booking. It decides what they may see:
 * - booker and assigned provider see everything, counseling topic and notes included (in a detail,
 *   never in a list);
 * - staff and admin see the booking but never a counseling topic or notes, nor a decline or cancel
 *   reason of a counseling booking (or of its history), since a reason may give the topic away;
 * - an escort browsing the open pool sees masked contact data until they claim it.
 */
export type Relation = 'booker' | 'provider' | 'staff' | 'admin' | 'pool';

export function relationOf(booking: BookingDoc, caller: Caller, providerIds: string[]): Relation | null {
  if (booking.status === 'holding' || booking.status === 'failed') return booking.bookerId === caller.userId ? 'booker' : null;
  if (booking.bookerId === caller.userId) return 'booker';
  if (booking.providerId && providerIds.includes(booking.providerId)) return 'provider';
  if (caller.roles.includes('admin')) return 'admin';
  if (caller.roles.includes('staff') && caller.staffStreetId && booking.streetId === caller.staffStreetId) return 'staff';
  if (booking.service === 'escort' && booking.status === 'requested' && booking.providerId === null && caller.roles.includes('escort')) return 'pool';
  return null;
}

export type BookingView = {
  id: string;
  service: BookingDoc['service'];
  status: BookingStatus;
  statusLabel: string;
  startsAt: string;
  endsAt: string;
  /** `phone`: the escort's, for the resident of a claimed escort job (booking.detail only). */
  provider: { id: string; name: string; venue: string; phone?: string } | null;
  stationId: string | null;
  streetId: string | null;
  forFamily: BookingDoc['forFamily'];
  /** The resident who booked (their profile name; null when they gave none): the person served unless forFamily. */
  bookerName: string | null;
  contactPhone: string;
  details: Partial<BookingDetails> & { kind: BookingDetails['kind'] };
  freeOfCharge: boolean;
  acceptBy: string | null;
  cancelDeadline: string;
  reason: string | null;
  serviceNotes: string | null;
  createdAt: string;
};

export type HistoryEntry = { at: string; from: string; to: string; action: string; actorRole: string; reason: string | null };

/** Whether the caller is shown the reasons given on this booking (and in its history). */
function showsReasons(booking: Pick<BookingDoc, 'service'>, relation: Relation): boolean {
  // A counseling reason ("来访者需要转介") may say what the counseling is about.
  return booking.service !== 'counseling' || relation === 'booker' || relation === 'provider';
}

function visibleDetails(details: BookingDetails, privateCounseling: boolean, masked: boolean): BookingView['details'] {
  if (details.kind === 'counseling') {
    // The most private data in the product: only the resident and their counselor see the topic.
    return privateCounseling ? { kind: 'counseling', format: details.format } : details;
  }
  if (details.kind === 'escort' && masked) {
    return { ...details, pickupAddress: maskAddress(details.pickupAddress), companionPhone: details.companionPhone && maskPhone(details.companionPhone) };
  }
  if (details.kind === 'advisor' && masked && details.address) return { ...details, address: maskAddress(details.address) };
  return details;
}

export function toBookingView(
  booking: BookingDoc,
  relation: Relation,
  options: { provider?: ProviderDoc | null; providerPhone?: string | null; bookerName?: string | null; cancelCutoffMinutes: number; list: boolean; worklist?: boolean },
): BookingView {
  // Lists and the open pool show contact data masked; a detail shows it to those who need it. A
  // provider's own worklist (the schedule) is where they do the job: a confirmed one shows in full.
  const ownJob = options.worklist === true && relation === 'provider' && booking.status === 'confirmed';
  const masked = relation === 'pool' || (options.list && relation !== 'booker' && !ownJob);
  // Only the resident and their counselor see a counseling topic or notes, and only in a detail:
  // lists (mine, inbox, schedule, a rule change's report) are glanced at on shared screens.
  const privateCounseling = booking.service === 'counseling' && (options.list || (relation !== 'booker' && relation !== 'provider'));
  return {
    id: booking._id,
    service: booking.service,
    status: booking.status as BookingStatus,
    statusLabel: bookingStatusLabels[booking.status as BookingStatus] ?? booking.status,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    provider: options.provider
      ? { id: options.provider._id, name: options.provider.name, venue: options.provider.venue, ...(options.providerPhone ? { phone: options.providerPhone } : {}) }
      : null,
    stationId: booking.stationId,
    streetId: booking.streetId,
    forFamily: booking.forFamily && (masked ? { ...booking.forFamily, name: maskName(booking.forFamily.name), phone: maskPhone(booking.forFamily.phone) } : booking.forFamily),
    bookerName: options.bookerName ? (masked ? maskName(options.bookerName) : options.bookerName) : null,
    contactPhone: masked ? maskPhone(booking.contactPhone) : booking.contactPhone,
    details: visibleDetails(booking.details, privateCounseling, masked),
    freeOfCharge: booking.freeOfCharge,
    acceptBy: booking.acceptBy?.toISOString() ?? null,
    cancelDeadline: cancellationDeadline(booking.startsAt, options.cancelCutoffMinutes).toISOString(),
    reason: showsReasons(booking, relation) ? booking.reason : null,
    serviceNotes: privateCounseling ? null : booking.serviceNotes,
    createdAt: booking.createdAt.toISOString(),
  };
}

export function toHistory(booking: Pick<BookingDoc, 'service'>, relation: Relation, transitions: TransitionDoc[]): HistoryEntry[] {
  const reasons = showsReasons(booking, relation);
  return transitions.map((t) => ({ at: t.at.toISOString(), from: t.from, to: t.to, action: t.action, actorRole: t.actorRole, reason: reasons ? t.reason : null }));
}
