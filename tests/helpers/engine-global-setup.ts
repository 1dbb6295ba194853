import { startEngine, type Engine } from '../../host/engine/local-engine';

/**
 * Integration tests run against the real local engine, started by the same launcher `npm start`
 * uses (or the one MONGODB_URI names). Each test file then takes a fresh database of its own.
 */
export default async function globalSetup(): Promise<void> {
  const engine = await startEngine({ dataDir: process.env.TEST_DATA_DIR ?? '.data/test', log: () => undefined });
  process.env.MONGODB_URI = engine.uri;
  (globalThis as { __engine?: Engine }).__engine = engine;
}
