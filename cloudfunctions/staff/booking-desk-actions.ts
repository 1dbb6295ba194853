import { staffDeskActions as input } from '../../shared/schemas/staff-desk.schema';
import { accessIn } from '../../shared/domain/permissions';
import { action } from '../core/runtime/define-function';

const access = accessIn('staff');

/** The staff desk's bookings: a 街道's list and details, and escort dispatch (assigning stays `admin.assignEscort`). */
export const bookingDeskActions = {
  streetBookings: action({ input: input.streetBookings, access: access('streetBookings'), run: (i, { app, caller }) => app.services.staffBookings.list(caller, i) }),
  streetBooking: action({ input: input.streetBooking, access: access('streetBooking'), run: ({ bookingId }, { app, caller }) => app.services.staffBookings.detail(caller, bookingId) }),
  dispatchQueue: action({ input: input.dispatchQueue, access: access('dispatchQueue'), run: ({ streetId }, { app, caller }) => app.services.staffBookings.dispatchQueue(caller, streetId) }),
  bookFor: action({ input: input.bookFor, access: access('bookFor'), run: (i, { app, caller }) => app.services.staffBookings.bookFor(caller, i) }),
  reviewEligibility: action({
    input: input.reviewEligibility,
    access: access('reviewEligibility'),
    run: ({ bookingId, verdict, reason }, { app, caller }) => app.services.staffBookings.reviewEligibility(caller, bookingId, verdict, reason ?? null),
  }),
  escortDay: action({ input: input.escortDay, access: access('escortDay'), run: ({ bookingId }, { app, caller }) => app.services.staffBookings.escortDay(caller, bookingId) }),
};
