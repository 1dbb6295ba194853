import type { BookingView } from '../../api/views.schema';
import { detailRows } from '../booking/booking-labels';

/**
 * What the job is (hospital, topic, address…) for a provider's card. The person served is left out:
 * ServedPerson shows them with a call button.
 */
export function jobDetailRows(booking: Pick<BookingView, 'details' | 'freeOfCharge'> & { eligibilityCheck?: BookingView['eligibilityCheck'] }): { label: string; value: string }[] {
  return detailRows({ details: booking.details, freeOfCharge: booking.freeOfCharge, eligibilityCheck: booking.eligibilityCheck ?? null, forFamily: null });
}
