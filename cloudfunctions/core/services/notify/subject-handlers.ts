import type { NotificationDoc, PushState } from '../../repositories/notification.repository';
import type { OutboxEvent } from '../../repositories/outbox.repository';
import type { Message } from './notification-messages';

/** One notice a handler asks for; notify keys it, stores it and sends it. */
export type NoticeDraft = {
  userId: string;
  message: Message;
  /**
   * The mini-program page it opens, with its query (`subpackages/booking/pages/detail/index?bookingId=…`).
   * Notify appends `nid=<notice id>` so the page can mark it read.
   */
  page: string;
  /** The time it speaks of, if any. */
  startsAt: Date | null;
};

/** A reminder a subject should have now; `key` (e.g. `24h`) tells its reminders apart. */
export type ReminderDraft = NoticeDraft & { key: string; type: string; dueAt: Date; startsAt: Date };

/** What one event about a subject means, as its kind's handler reads it. */
export type EventReading = {
  /** The notice each recipient is owed; empty when the event says nothing to anyone. */
  notices: NoticeDraft[];
  /**
   * Every reminder the subject should have now. Those still ahead that are not listed are withdrawn;
   * a listed one withdrawn earlier comes back. Null leaves the subject's reminders as they are (the
   * subject could not be read).
   */
  reminders: ReminderDraft[] | null;
  /**
   * The recipients whose reminders `reminders` speaks for; absent: all of the subject's. A subject
   * many people share (an activity) lists only those an event is about, so two events read at
   * different moments never withdraw each other's people's reminders.
   */
  reminderScope?: readonly string[];
  /**
   * The 街道 the subject belongs to, stored with its notices so a WeChat message that failed is shown
   * to that street's staff (and admin), never to another street's; null or absent: admin only.
   */
  streetId?: string | null;
  /**
   * Types of the subject's earlier notices that no longer hold (an escort request taken by another);
   * asked only after this event's own notices are stored, so a change that landed meanwhile is seen.
   */
  outdatedTypes(): Promise<string[]>;
};

/**
 * What a subject kind means to notifications: the page a notice opens, what it says and the place it
 * names, which reminders the subject has and when a notice no longer holds. Each domain registers
 * one for its kind when the app is composed (`services.ts`); notify itself knows no domain.
 */
export type SubjectHandler = {
  read(event: OutboxEvent, now: Date): Promise<EventReading>;
  /**
   * Asked when a notice's WeChat message falls due: null when it should still go out; `withdrawn`
   * (no longer true) or `expired` (too late) when not. Every worker must reach the same answer.
   */
  stillHolds(notice: NotificationDoc, now: Date): Promise<Extract<PushState, 'withdrawn' | 'expired'> | null>;
};

/** The handlers by subject kind. An event of a kind with none is left pending and reported. */
export type SubjectHandlers = ReadonlyMap<string, SubjectHandler>;
