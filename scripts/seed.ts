import { createApp } from '../cloudfunctions/core/runtime/app';
import { connectDb } from '../cloudfunctions/core/db/mongo-connection';
import { startEngine } from '../host/engine/local-engine';
import { loadHostConfig } from '../host/host-config';
import { printAccounts } from '../host/local-host';
import { seedDemoDistrict } from '../host/seed/seed-demo-district';
import { seedDemoTraining } from '../host/seed/seed-demo-training';
import { seedDemoVolunteers } from '../host/seed/seed-demo-volunteers';
import { seedDemoTargets } from '../host/seed/seed-demo-targets';

/** `npm run seed`: writes the demo district; safe to run again. */
async function main(): Promise<void> {
  const config = loadHostConfig();
  const engine = await startEngine({ dataDir: config.dataDir });
  const handle = await connectDb(engine.uri, config.dbName);
  try {
    const app = await createApp({ config, db: handle.db });
    const report = await seedDemoDistrict(app, console.log);
    // The same parts `npm start` seeds, each idempotent on its own markers.
    await seedDemoTraining(app, console.log);
    await seedDemoVolunteers(app, console.log);
    await seedDemoTargets(app, console.log);
    console.log(report.created ? '[seed] the demo district was written for the first time' : '[seed] the demo district was already there; refreshed');
    printAccounts(report.accounts, console.log);
  } finally {
    await handle.close();
    await engine.stop();
  }
}

main().catch((error: Error) => {
  console.error(`[seed] failed: ${error.message}`);
  process.exit(1);
});
