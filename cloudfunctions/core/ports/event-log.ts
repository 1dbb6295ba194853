import type { OutboxEvent } from '../repositories/outbox.repository';

/**
 * Where booking code records what happened. In the running app each event is stored in the outbox
 * before the call replies and turned into inbox notices right after the reply; the `notify.deliver`
 * timer catches any it missed.
 */
export type EventLog = { add(event: OutboxEvent): Promise<void> };
