import { resilientCollection } from '../db/resilient-collection';
import type { Collection, Db } from 'mongodb';
import type { ServiceKind } from '../../../shared/domain/service-kinds';
import type { ReferenceCache } from './reference-cache';

export type ServiceDoc = {
  _id: ServiceKind;
  kind: ServiceKind;
  name: string;
  description: string;
  durationMinutes: number;
  /** How soon one may book: slots starting earlier than now + lead time are not offered. */
  leadTimeMinutes: number;
  /** How far ahead one may book. */
  horizonDays: number;
  /** Residents may cancel or move a confirmed booking until this long before it starts. */
  cancelCutoffMinutes: number;
  requiresAcceptance: boolean;
  /** A request not accepted within this window expires. */
  acceptWindowMinutes: number;
};

export type HolidayCalendarDoc = {
  _id: string;
  holidays: string[];
  workdays: { date: string; followsWeekday: number }[];
  updatedAt: Date;
};

/**
 * The three services and the district's holiday calendar (法定节假日 and 调休 workdays) as data.
 * Every write is stamped (`cache.writing('reference', …)`): creates read both from the instance's cache.
 */
export class CatalogRepository {
  private readonly services: Collection<ServiceDoc>;
  private readonly calendars: Collection<HolidayCalendarDoc>;

  constructor(
    db: Db,
    private readonly cache: ReferenceCache,
  ) {
    this.services = resilientCollection<ServiceDoc>(db, 'services');
    this.calendars = resilientCollection<HolidayCalendarDoc>(db, 'calendars');
  }

  listServices(): Promise<ServiceDoc[]> {
    return this.services.find({}).sort({ _id: 1 }).toArray();
  }

  findService(id: string): Promise<ServiceDoc | null> {
    return this.cache.read('reference', `service:${id}`, () => this.services.findOne({ _id: id as ServiceKind }));
  }

  async upsertService(doc: ServiceDoc): Promise<void> {
    await this.cache.writing('reference', () => this.services.replaceOne({ _id: doc._id }, doc, { upsert: true }));
  }

  /** The district keeps one calendar; absent means no holidays are known. */
  async holidayCalendar(): Promise<HolidayCalendarDoc | null> {
    return this.cache.read('reference', 'calendar:district', () => this.calendars.findOne({ _id: 'district' }));
  }

  async saveHolidayCalendar(doc: Omit<HolidayCalendarDoc, '_id'>): Promise<void> {
    await this.cache.writing('reference', () => this.calendars.replaceOne({ _id: 'district' }, doc, { upsert: true }));
  }
}
