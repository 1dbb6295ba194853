import { isActiveStatus } from '../../../../shared/domain/booking-status';
import { bookingApi } from '../../api/booking.api';
import { notifyApi } from '../../api/notify.api';
import type { BookingView } from '../../api/views.schema';
import { useRequest, type RequestState } from '../../hooks/use-request';
import { placeOf, serviceTitle, statusLabel } from '../booking/booking-titles';

/** What the home page shows above the services. */
export type NextAppointment = {
  bookingId: string;
  serviceTitle: string;
  /** ISO time of the start. */
  startsAt: string;
  place: string | null;
  status: string;
  statusLabel: string;
};

export type HomeSummary = {
  nextAppointment: NextAppointment | null;
  /** Unread notices; null when unknown (the notice service is not there or did not answer). */
  unreadCount: number | null;
};

const emptySummary: HomeSummary = { nextAppointment: null, unreadCount: null };

/** The earliest booking still to come that is requested or confirmed. */
export function nextAppointmentOf(bookings: BookingView[], now: number): NextAppointment | null {
  const next = bookings
    .filter((b) => isActiveStatus(b.status) && Date.parse(b.endsAt) > now)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0];
  if (!next) return null;
  return {
    bookingId: next.id,
    serviceTitle: serviceTitle(next.service),
    startsAt: next.startsAt,
    place: placeOf(next),
    status: next.status,
    statusLabel: statusLabel(next.status),
  };
}

/**
 * The signed-in resident's next appointment and unread count. Each half fails on its own: a
 * missing notice service hides the badge, it does not hide the appointment.
 */
export function useHomeSummary(signedIn: boolean): RequestState<HomeSummary> {
  return useRequest(async () => {
    if (!signedIn) return emptySummary;
    const [bookings, unread] = await Promise.allSettled([bookingApi.mine({ pageSize: 50 }), notifyApi.unreadCount()]);
    return {
      nextAppointment: bookings.status === 'fulfilled' ? nextAppointmentOf(bookings.value.items, Date.now()) : null,
      unreadCount: unread.status === 'fulfilled' ? unread.value.count : null,
    };
  }, [signedIn]);
}
