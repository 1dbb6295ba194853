import type { App } from '../cloudfunctions/core/runtime/app';
import type { CloudFunction } from '../cloudfunctions/core/runtime/define-function';

/**
 * Runs timer-triggered functions on the local host on the schedule they declare for WeChat Cloud.
 * A run that is still going when the next is due is skipped, as WeChat would not overlap them either.
 */
export function startScheduler(app: App, functions: Record<string, CloudFunction>, log: (line: string) => void): () => Promise<void> {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  for (const fn of Object.values(functions)) {
    for (const timer of fn.timers) {
      let busy = false;
      const tick = () => {
        if (busy) return;
        busy = true;
        const run = fn.runTimer(app, timer.name).then((envelope) => {
          if (!envelope.ok) log(`[timer] ${fn.name}/${timer.name} failed: ${envelope.error.code}`);
        });
        running.add(run);
        void run.finally(() => {
          busy = false;
          running.delete(run);
        });
      };
      timers.push(setInterval(tick, timer.everyMinutes * 60_000));
      log(`[timer] ${fn.name}/${timer.name} every ${timer.everyMinutes} min`);
    }
  }
  return async () => {
    for (const t of timers) clearInterval(t);
    await Promise.allSettled([...running]);
  };
}
