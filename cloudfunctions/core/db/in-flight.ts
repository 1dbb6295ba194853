/**
 * Reads shared while they run: callers asking for the same key at the same time get one read's
 * answer (a dashboard asks several questions of one collection at once, and the local engine reads
 * the whole of it for each); a call after that read has ended reads again, as the data may have
 * changed. Callers must not change what they get: it is shared.
 */
export class InFlight<T> {
  private readonly pending = new Map<string, Promise<T>>();

  run(key: string, read: () => Promise<T>): Promise<T> {
    const running = this.pending.get(key);
    if (running) return running;
    const started = read().finally(() => this.pending.delete(key));
    this.pending.set(key, started);
    return started;
  }
}
