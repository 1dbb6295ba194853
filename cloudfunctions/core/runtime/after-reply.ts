import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Work a call owes that its caller need not wait for: the inbox notices made from the events it
 * recorded. The event itself is stored before the reply, so nothing is lost if this work never runs
 * (an instance frozen or killed after replying): the notify.deliver timer makes the notices from it
 * within the minute, keyed so that nothing is made twice.
 */
const deferred = new AsyncLocalStorage<(() => Promise<void>)[]>();

/** In a call, queues `task` for after its reply; outside one (timers, scripts, services in tests), runs it now. */
export function afterReply(task: () => Promise<void>): Promise<void> {
  const queue = deferred.getStore();
  if (!queue) return task();
  queue.push(task);
  return Promise.resolve();
}

/**
 * Runs a call; its result, and the work it queued, started once the result is ready. `afterReply`
 * never rejects: nobody waits on it in the cloud, and what a task could not do the timer does.
 */
export async function replyFirst<T>(call: () => Promise<T>): Promise<{ result: T; afterReply: Promise<void> }> {
  const queue: (() => Promise<void>)[] = [];
  const result = await deferred.run(queue, call);
  const afterReply = (async () => {
    for (const task of queue) {
      try {
        await task();
      } catch (error) {
        console.error('[after-reply] a task failed; notify.deliver makes up for it:', (error as Error).message);
      }
    }
  })();
  return { result, afterReply };
}
