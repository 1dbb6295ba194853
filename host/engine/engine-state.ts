import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { MongoClient } from 'mongodb';

/** What a running engine left behind so a later launcher can find and reuse it. */
export type EngineState = { kind: string; backend?: 'postgresql' | 'sqlite' | null; pid: number; uri: string; startedAt: string };

export function readEngineState(file: string): EngineState | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as EngineState;
  } catch {
    // A torn or hand-edited file is the same as none: the engine will be started afresh.
    return null;
  }
}

export function writeEngineState(file: string, state: EngineState): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
}

export function clearEngineState(file: string): void {
  rmSync(file, { force: true });
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True when something at this URI answers a MongoDB ping within the timeout. */
export async function pingEngine(uri: string, timeoutMs = 1_500): Promise<boolean> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: timeoutMs, connectTimeoutMS: timeoutMs });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => undefined);
  }
}
