import type { BookingStatus } from '../../../shared/domain/booking-status';
import { statusLabel, statusTones } from '../features/booking/booking-titles';
import { Tag } from '../ui/Tag';

/** A booking's status in words (待确认, 已确认 …): key-text size in elder mode. */
export function StatusTag({ status }: { status: string }) {
  return (
    <Tag tone={statusTones[status as BookingStatus] ?? 'default'} prominent>
      {statusLabel(status)}
    </Tag>
  );
}
