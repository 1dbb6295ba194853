import { bookingStatusLabels, cancellationDeadline, type BookingStatus } from '../../../../shared/domain/booking-lifecycle';
import { maskAddress, maskName, maskPhone } from '../../../../shared/domain/masking';
import {
  allowedBookingActions,
  showsContact,
  showsCounselingPrivate,
  showsEligibilityReason,
  showsReasons,
  type AllowedBookingAction,
  type BookingRelation as Relation,
  type ViewPlace,
} from '../../../../shared/domain/permissions';
import type { BookingDetails } from '../../../../shared/schemas/booking-details.schema';
import { eligibilityActions, eligibilityStatusLabels, type EligibilityStatus } from '../../../../shared/domain/eligibility-check';
import type { BookingDoc, TransitionDoc } from '../../repositories/booking.repository';
import type { ProviderDoc } from '../../repositories/provider.repository';

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
  /** A claimed hardship group's check (待核实 / 已核实 / 未通过核实); the reason only to those who may see it. */
  eligibilityCheck: { status: EligibilityStatus; statusLabel: string; reason: string | null } | null;
  acceptBy: string | null;
  cancelDeadline: string;
  /** What the caller may do to it now (lifecycle table, relation, cut-off); the server checks again on the attempt. */
  allowedActions: AllowedBookingAction[];
  reason: string | null;
  serviceNotes: string | null;
  createdAt: string;
};

export type HistoryEntry = { at: string; from: string; to: string; action: string; actorRole: string; reason: string | null };

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
  options: {
    provider?: ProviderDoc | null;
    providerPhone?: string | null;
    bookerName?: string | null;
    cancelCutoffMinutes: number;
    list: boolean;
    worklist?: boolean;
    now: Date;
  },
): BookingView {
  const place: ViewPlace = !options.list ? 'detail' : options.worklist === true ? 'worklist' : 'list';
  const masked = !showsContact(relation, place, booking.status);
  const privateCounseling = booking.service === 'counseling' && !showsCounselingPrivate(relation, place);
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
    eligibilityCheck: booking.eligibilityCheck
      ? {
          status: booking.eligibilityCheck.status,
          statusLabel: eligibilityStatusLabels[booking.eligibilityCheck.status],
          reason: showsEligibilityReason(relation) ? booking.eligibilityCheck.reason : null,
        }
      : null,
    acceptBy: booking.acceptBy?.toISOString() ?? null,
    cancelDeadline: cancellationDeadline(booking.startsAt, options.cancelCutoffMinutes).toISOString(),
    allowedActions: allowedBookingActions(booking, relation, options.now, options.cancelCutoffMinutes),
    reason: showsReasons(booking.service, relation) ? booking.reason : null,
    serviceNotes: privateCounseling ? null : booking.serviceNotes,
    createdAt: booking.createdAt.toISOString(),
  };
}

export function toHistory(booking: Pick<BookingDoc, 'service'>, relation: Relation, transitions: TransitionDoc[]): HistoryEntry[] {
  const reasons = showsReasons(booking.service, relation);
  const eligibilityReasons = showsEligibilityReason(relation);
  const shown = (t: TransitionDoc) => reasons && (eligibilityReasons || !Object.values(eligibilityActions).includes(t.action));
  return transitions.map((t) => ({ at: t.at.toISOString(), from: t.from, to: t.to, action: t.action, actorRole: t.actorRole, reason: shown(t) ? t.reason : null }));
}
