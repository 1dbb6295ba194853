/** A booking's statuses, their Chinese words, and which of them hold a seat. */
export const BookingStatus = {
  requested: 'requested',
  confirmed: 'confirmed',
  declined: 'declined',
  expired: 'expired',
  cancelled: 'cancelled',
  completed: 'completed',
  no_show: 'no_show',
} as const;
export type BookingStatus = (typeof BookingStatus)[keyof typeof BookingStatus];
export const allBookingStatuses = Object.values(BookingStatus) as [BookingStatus, ...BookingStatus[]];

export const bookingStatusLabels: Record<BookingStatus, string> = {
  requested: '待确认',
  confirmed: '已确认',
  declined: '已拒绝',
  expired: '已过期',
  cancelled: '已取消',
  completed: '已完成',
  no_show: '爽约',
};

/** Statuses that hold a seat: leaving one of them must free the seat. */
export const ACTIVE_BOOKING_STATUSES = [BookingStatus.requested, BookingStatus.confirmed] as const;
export type ActiveBookingStatus = (typeof ACTIVE_BOOKING_STATUSES)[number];

export function isActiveStatus(status: BookingStatus): status is ActiveBookingStatus {
  return (ACTIVE_BOOKING_STATUSES as readonly BookingStatus[]).includes(status);
}

