import { ensureWeappBuild } from './weapp-build';

/** The tier runs against build/weapp as `npm run build:weapp` makes it from the current sources. */
export default async function globalSetup(): Promise<void> {
  await ensureWeappBuild((line) => process.stdout.write(`${line}\n`));
}
