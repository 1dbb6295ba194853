import { AppError } from '../../../../shared/errors';
import { streetScopeOf } from '../../../../shared/domain/permissions/district-scope';
import { districtDateOf } from '../../../../shared/domain/time';
import { targetShare } from '../../../../shared/domain/volunteer/training-rules';
import type { TrainingTargetsInput } from '../../../../shared/schemas/volunteer-training.schema';
import type { Caller } from '../../runtime/caller';
import { invalid, type TrainingDeps } from './training-enrolment.service';

/** The yearly targets (admin) and the counts against them per 社区 and 街道 (staff: their own 街道). */
export class TrainingProgressService {
  constructor(private readonly deps: TrainingDeps) {}

  /** The district total and its split over the 街道: every 街道 known, the split adding up to the total. */
  async setTargets(caller: Caller, input: TrainingTargetsInput) {
    const streets = new Set((await this.deps.district.listStreets()).map((s) => s._id));
    input.streets.forEach((s, i) => {
      if (!streets.has(s.streetId)) throw invalid(`streets.${i}.streetId`, '没有这个街道');
    });
    const sum = input.streets.reduce((total, s) => total + s.target, 0);
    if (sum !== input.districtTotal) throw invalid('streets', `各街道指标之和（${sum}）要等于全区指标（${input.districtTotal}）`);
    const doc = { _id: String(input.year), year: input.year, districtTotal: input.districtTotal, streets: input.streets, setBy: caller.userId, updatedAt: this.deps.clock.now() };
    await this.deps.training.saveTargets(doc);
    return { year: doc.year, districtTotal: doc.districtTotal, streets: doc.streets };
  }

  async progress(caller: Caller, input: { year?: number; streetId?: string }) {
    const year = input.year ?? Number(districtDateOf(this.deps.clock.now()).slice(0, 4));
    const scope = streetScopeOf(caller, input.streetId);
    if (scope.kind === 'none') throw new AppError('FORBIDDEN');
    const streetId = scope.kind === 'street' ? scope.streetId : null;
    const allStreets = await this.deps.district.listStreets();
    if (streetId && !allStreets.some((s) => s._id === streetId)) throw invalid('streetId', '没有这个街道');
    const [counts, targets, communities] = await Promise.all([this.deps.training.countsOf(year, streetId), this.deps.training.targetsOf(year), this.deps.district.listCommunities()]);
    const targetOf = (id: string) => targets?.streets.find((s) => s.streetId === id)?.target ?? null;
    const zero = { personTimes: 0, persons: 0 };
    const streets = allStreets
      .filter((s) => streetId === null || s._id === streetId)
      .map((s) => {
        const count = counts.streets.get(s._id) ?? zero;
        const target = targetOf(s._id);
        return {
          streetId: s._id,
          name: s.name,
          ...count,
          target,
          share: targetShare(count.personTimes, target),
          communities: communities.filter((c) => c.streetId === s._id).map((c) => ({ communityId: c._id, name: c.name, ...(counts.communities.get(c._id) ?? zero) })),
        };
      });
    // Staff see their 街道 only; the district line is the bureau's.
    const districtTarget = targets?.districtTotal ?? null;
    const district = streetId === null ? { ...counts.district, target: districtTarget, share: targetShare(counts.district.personTimes, districtTarget) } : null;
    return { year, district, streets };
  }
}
