import { AppError } from '../../../../shared/errors';
import { availabilityMessages, overlappingIndexes, type DateException, type WeeklyRule } from '../../../../shared/domain/availability';
import { bookingRelationOfKeeper, relationToProviderRecord, type ProviderRecordRelation } from '../../../../shared/domain/permissions';
import type { Clock } from '../../ports/clock';
import type { AvailabilityDoc, AvailabilityRepository } from '../../repositories/availability.repository';
import type { CatalogRepository } from '../../repositories/catalog.repository';
import type { DistrictRepository } from '../../repositories/district.repository';
import type { ProviderDoc, ProviderRepository } from '../../repositories/provider.repository';
import type { Caller } from '../../runtime/caller';
import type { BookingAccess } from './booking-access';
import type { StrandedBookings } from './stranded-bookings';

type Deps = {
  availability: AvailabilityRepository;
  catalog: Pick<CatalogRepository, 'findService'>;
  providers: ProviderRepository;
  district: DistrictRepository;
  stranded: StrandedBookings;
  access: BookingAccess;
  clock: Clock;
};

/**
 * Weekly rules and date exceptions, kept by the provider or by staff for them. A change never
 * strands a booking silently (see StrandedBookings).
 */
export class AvailabilityService {
  constructor(private readonly deps: Deps) {}

  async get(caller: Caller, providerId?: string) {
    const { provider } = await this.editable(caller, providerId);
    const [doc, service] = await Promise.all([this.deps.availability.get(provider._id), this.deps.catalog.findService(provider.kind)]);
    return { providerId: provider._id, slotMinutes: service?.durationMinutes ?? null, rules: doc.rules, exceptions: doc.exceptions };
  }

  setWeeklyRules(caller: Caller, providerId: string | undefined, rules: WeeklyRule[]) {
    return this.change(caller, providerId, (doc) => ({ ...doc, rules }), (length) => lengthIssues(rules, length, 'rules'));
  }

  addException(caller: Caller, providerId: string | undefined, exception: DateException) {
    const issues = (length: number) => (exception.kind === 'extra' ? lengthIssues([exception], length, 'exception').map((issue) => ({ ...issue, path: 'exception.slotMinutes' })) : []);
    return this.change(caller, providerId, (doc) => {
      // A day off replaces whatever that date had; extra hours reopen a closed date, and extras on one
      // date accumulate as long as they do not overlap (a slot must never be offered twice).
      const kept = doc.exceptions.filter((e) => !(e.date === exception.date && (e.kind === 'closed' || exception.kind === 'closed')));
      if (exception.kind === 'extra') {
        const sameDay = kept.filter((e): e is Extract<DateException, { kind: 'extra' }> => e.kind === 'extra' && e.date === exception.date);
        if (overlappingIndexes([...sameDay, exception].map((e) => ({ group: e.date, start: e.start, end: e.end }))).length > 0) {
          throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'exception.start', message: availabilityMessages.overlap }] });
        }
      }
      return { ...doc, exceptions: [...kept, exception].sort((a, b) => a.date.localeCompare(b.date)) };
    });
  }

  removeException(caller: Caller, providerId: string | undefined, date: string) {
    return this.change(caller, providerId, (doc) => ({ ...doc, exceptions: doc.exceptions.filter((e) => e.date !== date) }));
  }

  private async change(
    caller: Caller,
    providerId: string | undefined,
    edit: (doc: AvailabilityDoc) => AvailabilityDoc,
    check: (serviceMinutes: number) => { path: string; message: string }[] = () => [],
  ) {
    const { provider, keeper } = await this.editable(caller, providerId);
    const service = await this.deps.catalog.findService(provider.kind);
    const issues = service ? check(service.durationMinutes) : [];
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', { fields: issues });
    const now = this.deps.clock.now();
    const next = { ...edit(await this.deps.availability.get(provider._id)), updatedAt: now, updatedBy: caller.userId };
    const { affected } = await this.deps.stranded.around(
      () => this.deps.stranded.ofProvider(provider),
      () => this.deps.availability.save(next),
    );
    return {
      availability: { providerId: provider._id, slotMinutes: service?.durationMinutes ?? null, rules: next.rules, exceptions: next.exceptions },
      affected: await this.deps.access.views(affected, bookingRelationOfKeeper[keeper]),
    };
  }

  /** The provider's own record, or one staff (same 街道) or admin may edit for them (relationToProviderRecord). */
  private async editable(caller: Caller, providerId: string | undefined): Promise<{ provider: ProviderDoc; keeper: ProviderRecordRelation }> {
    const own = (await this.deps.providers.findByUser(caller.userId)).filter((p) => p.kind !== 'escort');
    if (!providerId) {
      const [first] = own;
      if (!first) throw new AppError('NOT_FOUND');
      return { provider: first, keeper: 'self' };
    }
    const provider = await this.deps.providers.findById(providerId);
    if (!provider) throw new AppError('NOT_FOUND');
    // The station's 街道 is read only when it can matter: a staff caller editing someone else's hours.
    const forOthers = provider.userId !== caller.userId && caller.roles.includes('staff');
    const station = forOthers && provider.stationId ? await this.deps.district.findStation(provider.stationId) : null;
    const keeper = relationToProviderRecord(provider, station?.streetId ?? null, caller);
    if (!keeper) throw new AppError('NOT_FOUND');
    return { provider, keeper };
  }
}

/**
 * A slot lasts what its service lasts (catalog.services' durationMinutes); a rule with another
 * length would show one length on the calendar and another on the booking.
 */
function lengthIssues(ranges: readonly { slotMinutes: number }[], serviceMinutes: number, path: string): { path: string; message: string }[] {
  return ranges.flatMap((range, index) =>
    range.slotMinutes === serviceMinutes ? [] : [{ path: `${path}.${index}.slotMinutes`, message: `每个号的时长须为这项服务的时长 ${serviceMinutes} 分钟` }],
  );
}
