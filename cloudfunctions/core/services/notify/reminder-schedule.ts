import { MINUTE_MS } from '../../../../shared/domain/time';
import type { NotificationDoc } from '../../repositories/notification.repository';
import type { ReminderOffset } from './notification-messages';
import type { ReminderDraft } from './subject-handlers';

/** How long before the start each reminder falls due: the same for every subject kind. */
export const REMINDER_OFFSETS: Record<ReminderOffset, number> = { '24h': 24 * 60 * MINUTE_MS, '2h': 2 * 60 * MINUTE_MS };

/**
 * The reminders of something starting at `startsAt`, one per offset and party (`draft` says what
 * each one reads); none once it has started. The type is `<typePrefix><offset>` and the key the offset.
 */
export function remindersBefore<P>(
  startsAt: Date,
  now: Date,
  parties: readonly P[],
  typePrefix: string,
  draft: (party: P, offset: ReminderOffset) => Omit<ReminderDraft, 'key' | 'type' | 'dueAt' | 'startsAt'>,
): ReminderDraft[] {
  if (startsAt <= now) return [];
  return (Object.entries(REMINDER_OFFSETS) as [ReminderOffset, number][]).flatMap(([offset, ms]) =>
    parties.map((party) => ({ ...draft(party, offset), key: offset, type: `${typePrefix}${offset}`, startsAt, dueAt: new Date(startsAt.getTime() - ms) })),
  );
}

/**
 * Whether a reminder falling due still holds, given what its subject says now: withdrawn when the
 * recipient no longer has the thing or it moved (the reminder names the old time), expired once it
 * started. Null: send it.
 */
export function reminderVerdict(notice: NotificationDoc, now: Date, current: { wanted: boolean; startsAt: Date | null }): 'withdrawn' | 'expired' | null {
  if (!current.wanted || !current.startsAt || current.startsAt.getTime() !== notice.startsAt?.getTime()) return 'withdrawn';
  if (now >= current.startsAt) return 'expired';
  return null;
}
