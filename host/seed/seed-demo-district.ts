import type { App } from '../../cloudfunctions/core/runtime/app';
import { demoWeeklyRules, demoCalendar, demoCommunities, demoPeople, demoServices, demoStations, demoStreets } from './demo-district.data';
import { demoAccounts, type DemoAccount } from '../../shared/domain/demo-accounts';

export type SeedReport = { accounts: readonly DemoAccount[]; created: boolean };

/**
 * Writes the demo district. Every write is an upsert by a fixed id and every grant an $addToSet, so
 * running it twice changes nothing; `created` says whether this was the first run.
 */
export async function seedDemoDistrict(app: App, log: (line: string) => void = () => undefined): Promise<SeedReport> {
  const { repos, services, clock } = app;
  const now = clock.now();
  log(`[seed] 1/4 街道 ${demoStreets.length}、社区 ${demoCommunities.length}、站点 ${demoStations.length}`);
  for (const street of demoStreets) await repos.district.upsertStreet(street);
  for (const community of demoCommunities) await repos.district.upsertCommunity(community);
  for (const station of demoStations) await repos.district.upsertStation(station);

  log(`[seed] 2/4 服务 ${demoServices.length} 项与节假日`);
  for (const service of demoServices) await repos.catalog.upsertService(service);
  await repos.catalog.saveHolidayCalendar({ ...demoCalendar, updatedAt: now });

  log(`[seed] 3/4 账号 ${demoPeople.length} 个`);
  for (const person of demoPeople) {
    const user = await services.users.ensureUser(person.openid);
    if (!user.name) await repos.users.updateProfile(user._id, { name: person.name, phone: person.phone, communityId: person.communityId }, now);
    const extra = person.roles.filter((role) => !user.roles.includes(role));
    if (extra.length > 0) await services.users.grantRoles(user._id, extra, person.staffStreetId);
    if (person.provider) {
      const existing = await repos.providers.findById(person.provider.id);
      await repos.providers.upsert({
        _id: person.provider.id,
        userId: user._id,
        kind: person.provider.kind,
        name: person.name,
        stationId: person.provider.stationId,
        streetId: person.provider.streetId,
        venue: person.provider.venue,
        intro: person.provider.intro,
        active: true,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      });
      if (person.provider.kind !== 'escort') {
        const availability = await repos.availability.get(person.provider.id);
        if (availability.rules.length === 0) await repos.availability.save({ ...availability, rules: demoWeeklyRules(person.provider.kind), updatedAt: now, updatedBy: null });
      }
    }
  }

  log('[seed] 4/4 完成');
  const created = await repos.meta.markOnce('demo-seed', now);
  return { accounts: demoAccounts, created };
}

export async function isSeeded(app: App): Promise<boolean> {
  return (await app.repos.meta.get('demo-seed')) !== null;
}
