import type { App } from '../cloudfunctions/core/runtime/app';
import type { CloudFunction } from '../cloudfunctions/core/runtime/define-function';

/**
 * Runs timer-triggered functions on the local host on the schedule they declare for WeChat Cloud.
 * A run that is still going when the next is due is skipped, as WeChat would not overlap them either.
 */
export function startScheduler(app: App, functions: Record<string, CloudFunction>, log: (line: string) => void): (graceMs?: number) => Promise<void> {
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
  /** Stops the schedule and waits up to `graceMs` for runs in progress; each is safe to abandon (repair finishes it). */
  return async (graceMs = Infinity) => {
    for (const t of timers) clearInterval(t);
    if (running.size === 0) return;
    log(`[host]   waiting for ${running.size} timer run(s) in progress`);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      if (Number.isFinite(graceMs)) timer = setTimeout(() => resolve('late'), graceMs);
    });
    const outcome = await Promise.race([Promise.allSettled([...running]), late]);
    clearTimeout(timer);
    if (outcome === 'late') log(`[host]   abandoning ${running.size} timer run(s) after ${graceMs} ms`);
  };
}
