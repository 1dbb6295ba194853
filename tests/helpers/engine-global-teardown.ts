import type { Engine } from '../../host/engine/local-engine';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __engine?: Engine }).__engine?.stop();
}
