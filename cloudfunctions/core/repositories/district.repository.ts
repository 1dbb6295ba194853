import { resilientCollection } from '../db/resilient-collection';
import type { Collection, Db, Filter } from 'mongodb';
import type { CollectionIndexes } from '../db/indexes';
import type { OpeningPeriod } from '../../../shared/domain/station-hours';
import type { ReferenceCache } from './reference-cache';

export type StreetDoc = { _id: string; name: string; escortDailyCapacity: number };
export type CommunityDoc = { _id: string; streetId: string; name: string };
export type StationDoc = {
  _id: string;
  communityId: string;
  streetId: string;
  name: string;
  address: string;
  /** One line for residents; made from `openingHours` when staff set them in rows. */
  hours: string;
  phone: string;
  /** Weekday rows (absent on stations written before staff could set them). */
  openingHours?: OpeningPeriod[];
  /** False once taken off the map; absent means active (stations older than the switch). */
  active?: boolean;
};

export const districtIndexes: CollectionIndexes[] = [
  { collection: 'communities', indexes: [{ key: { streetId: 1 }, name: 'by_street' }] },
  {
    collection: 'stations',
    // One 养老顾问站点 per community.
    indexes: [{ key: { communityId: 1 }, name: 'community_unique', unique: true }, { key: { streetId: 1 }, name: 'by_street' }],
  },
];

/**
 * 街道, 社区 and 养老顾问站点: the district's map, which changes rarely and only by staff. Every
 * write is stamped (`cache.writing('reference', …)`): creates read them from the instance's cache.
 */
export class DistrictRepository {
  private readonly streets: Collection<StreetDoc>;
  private readonly communities: Collection<CommunityDoc>;
  private readonly stations: Collection<StationDoc>;

  constructor(
    db: Db,
    private readonly cache: ReferenceCache,
  ) {
    this.streets = resilientCollection<StreetDoc>(db, 'streets');
    this.communities = resilientCollection<CommunityDoc>(db, 'communities');
    this.stations = resilientCollection<StationDoc>(db, 'stations');
  }

  listStreets(): Promise<StreetDoc[]> {
    return this.streets.find({}).sort({ _id: 1 }).toArray();
  }

  findStreet(id: string): Promise<StreetDoc | null> {
    return this.cache.read('reference', `street:${id}`, () => this.streets.findOne({ _id: id }));
  }

  listCommunities(streetId?: string): Promise<CommunityDoc[]> {
    return this.communities.find(streetId ? { streetId } : {}).sort({ _id: 1 }).toArray();
  }

  findCommunity(id: string): Promise<CommunityDoc | null> {
    return this.cache.read('reference', `community:${id}`, () => this.communities.findOne({ _id: id }));
  }

  /** Stations residents may go to (active ones), or every one with `includeInactive` (staff managing them). */
  listStations(filter: { streetId?: string; communityId?: string; includeInactive?: boolean }): Promise<StationDoc[]> {
    const query: Filter<StationDoc> = {};
    if (filter.streetId) query.streetId = filter.streetId;
    if (filter.communityId) query.communityId = filter.communityId;
    if (!filter.includeInactive) query.active = { $ne: false };
    return this.stations.find(query).sort({ _id: 1 }).toArray();
  }

  findStation(id: string): Promise<StationDoc | null> {
    return this.cache.read('reference', `station:${id}`, () => this.stations.findOne({ _id: id }));
  }

  /** Sets a 街道's escort places per day; false when there is no such 街道. */
  async setEscortCapacity(streetId: string, capacity: number): Promise<boolean> {
    const result = await this.cache.writing('reference', () => this.streets.updateOne({ _id: streetId }, { $set: { escortDailyCapacity: capacity } }));
    return result.matchedCount === 1;
  }

  async upsertStreet(doc: StreetDoc): Promise<void> {
    await this.cache.writing('reference', () => this.streets.replaceOne({ _id: doc._id }, doc, { upsert: true }));
  }

  async upsertCommunity(doc: CommunityDoc): Promise<void> {
    await this.cache.writing('reference', () => this.communities.replaceOne({ _id: doc._id }, doc, { upsert: true }));
  }

  async upsertStation(doc: StationDoc): Promise<void> {
    await this.cache.writing('reference', () => this.stations.replaceOne({ _id: doc._id }, doc, { upsert: true }));
  }

  /** Switches a station off or back on; false when there is no such station. */
  async setStationActive(id: string, active: boolean): Promise<boolean> {
    return (await this.cache.writing('reference', () => this.stations.updateOne({ _id: id }, { $set: { active } }))).matchedCount === 1;
  }

  async deleteStation(id: string): Promise<boolean> {
    return (await this.cache.writing('reference', () => this.stations.deleteOne({ _id: id }))).deletedCount === 1;
  }
}
