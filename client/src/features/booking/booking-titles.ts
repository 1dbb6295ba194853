import { bookingStatusLabels, type BookingStatus } from '../../../../shared/domain/booking-status';
import { serviceKindLabels, type ServiceKind } from '../../../../shared/domain/service-kinds';
import type { BookingView } from '../../api/views.schema';
import type { TagTone } from '../../ui/ui.types';

// What a booking is called, in one line: home's next-appointment card and every status tag read
// these, so they sit apart from the detail tables of booking-labels.ts (not in home's first load).

/** The Chinese label of a status; an unknown status (a newer server) shows as it came. */
export function statusLabel(status: string): string {
  return bookingStatusLabels[status as BookingStatus] ?? status;
}

/** Colour of a status tag: green when it will happen, amber while waiting, red when refused. */
export const statusTones: Record<BookingStatus, TagTone> = {
  requested: 'warning',
  confirmed: 'success',
  declined: 'danger',
  expired: 'default',
  cancelled: 'default',
  completed: 'primary',
  no_show: 'danger',
};

export function serviceTitle(service: ServiceKind): string {
  return service === 'escort' ? '陪诊服务' : serviceKindLabels[service];
}

export function placeOf(booking: Pick<BookingView, 'details' | 'provider'>): string | null {
  const d = booking.details as Record<string, unknown>;
  if (d.kind === 'escort') return typeof d.hospital === 'string' ? d.hospital : '医院陪诊';
  if (d.kind === 'advisor' && d.mode === 'home_visit') return '上门服务';
  return booking.provider?.venue || booking.provider?.name || null;
}

