import { ensureH5Build } from './h5-build';
import { demoAccounts } from '../shared/domain/demo-accounts';
import { loadHostConfig } from './host-config';
import { printAccounts, startLocalHost } from './local-host';
import { printPasswordAccounts } from './seed/seed-demo-passwords';

/** `npm start`: the main job on a developer's machine. */
async function main(): Promise<void> {
  const config = loadHostConfig();
  // The README's one command must give a working app: build the H5 client when missing or stale.
  await ensureH5Build({ log: console.log });
  const host = await startLocalHost({ config, staticDir: 'build/h5' });
  if (config.devLogin) printAccounts(demoAccounts, console.log);
  // staff sign-in
  if (config.profile !== 'production') printPasswordAccounts(console.log);
  console.log(`\n区民政便民服务 is running at ${host.url}  (Ctrl-C to stop)\n`);

  let stopping = false;
  const stop = async (why: string) => {
    if (stopping) {
      console.log(`[host] ${why} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    const started = Date.now();
    console.log(`\n[host] ${why}: shutting down`);
    await host.close();
    console.log(`[host] stopped in ${Date.now() - started} ms`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // `npm start` runs us under npm and a shell; a SIGTERM sent to npm ends them without reaching us.
  // When whoever started the host is gone, the host (and the engine it started) goes too.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop('the process that started the host exited');
  }, 1_000).unref();
}

main().catch((error: Error) => {
  console.error(`[host] could not start: ${error.message}`);
  process.exit(1);
});
