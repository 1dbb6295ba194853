import { useRequest, type RequestState } from '../../hooks/use-request';

/** What the home page shows above the services once bookings exist. */
export type NextAppointment = {
  serviceTitle: string;
  /** ISO time of the start. */
  startsAt: string;
  place: string | null;
  statusLabel: string;
};

export type HomeSummary = {
  nextAppointment: NextAppointment | null;
  /** Unread notices; null when unknown. */
  unreadCount: number | null;
};

const emptySummary: HomeSummary = { nextAppointment: null, unreadCount: null };

/**
 * The signed-in resident's next appointment and unread count. The booking and notice functions do
 * not exist yet: this resolves to an empty summary, and the home page hides both slots. Replace the
 * body with the real calls (e.g. `bookingApi.next()`) when they land.
 */
export function useHomeSummary(signedIn: boolean): RequestState<HomeSummary> {
  return useRequest(async () => emptySummary, [signedIn]);
}
