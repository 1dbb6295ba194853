import type { App } from '../../cloudfunctions/core/runtime/app';
import { callerOf } from '../../cloudfunctions/core/runtime/caller';
import type { ServiceTargetMeasure } from '../../shared/domain/dashboard-measures';
import { districtDateOf } from '../../shared/domain/time';

/**
 * The demo year's service targets, split over the demo district's three 街道, so the dashboard has
 * a target beside each count. The numbers are the demo's own, not the bureau's.
 */
export const demoServiceTargets: Record<ServiceTargetMeasure, { districtTotal: number; streets: { streetId: string; target: number }[] }> = {
  advisorConsultations: { districtTotal: 600, streets: [{ streetId: 'st-nandajie', target: 250 }, { streetId: 'st-hehuachi', target: 200 }, { streetId: 'st-wuxing', target: 150 }] },
  escortServices: { districtTotal: 300, streets: [{ streetId: 'st-nandajie', target: 120 }, { streetId: 'st-hehuachi', target: 100 }, { streetId: 'st-wuxing', target: 80 }] },
  counselingSessions: { districtTotal: 120, streets: [{ streetId: 'st-nandajie', target: 50 }, { streetId: 'st-hehuachi', target: 40 }, { streetId: 'st-wuxing', target: 30 }] },
};

/** Writes each measure's target for this year only when none is set, so an admin's own stay. */
export async function seedDemoTargets(app: App, log: (line: string) => void = () => undefined): Promise<void> {
  const { repos, services, clock } = app;
  const year = Number(districtDateOf(clock.now()).slice(0, 4));
  const admin = callerOf(await services.users.ensureUser('demo-admin'));
  const existing = new Set((await repos.dashboard.serviceTargetsOf(year)).map((t) => t.measure));
  const missing = (Object.keys(demoServiceTargets) as ServiceTargetMeasure[]).filter((m) => !existing.has(m));
  for (const measure of missing) await services.districtSettings.setServiceTargets(admin, { year, measure, ...demoServiceTargets[measure] });
  if (missing.length > 0) log(`[seed] ${year}年服务指标 ${missing.length} 项`);
}
