import { startEngine } from './local-engine';

/** `npm run engine`: start (or find) the local engine and keep it up until Ctrl-C. */
async function main(): Promise<void> {
  const engine = await startEngine({ dataDir: process.env.DATA_DIR ?? '.data' });
  console.log(`[engine] ${engine.kind}${engine.backend ? ` on ${engine.backend}` : ''}`);
  console.log(`MONGODB_URI=${engine.uri}`);
  const stop = async () => {
    await engine.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main().catch((error) => {
  console.error((error as Error).message);
  process.exit(1);
});
