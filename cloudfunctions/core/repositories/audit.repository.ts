import type { Collection, Db, Filter } from 'mongodb';
import type { CollectionIndexes } from '../db/indexes';
import type { Page } from './booking.repository';

/** One line of the audit log: who, when, what (the action, the ids it named, the fields it sent). */
export type AuditEntry = {
  _id: string;
  at: Date;
  actorId: string;
  actorRoles: string[];
  /** `function.action`. */
  action: string;
  kind: 'view_person' | 'change';
  target: Record<string, string>;
  fields: string[];
};

export type AuditFilter = { actorId?: string; action?: string; kind?: AuditEntry['kind']; targetId?: string; from?: Date; to?: Date };

export const auditIndexes: CollectionIndexes = {
  collection: 'audit_log',
  indexes: [
    { key: { at: -1 }, name: 'by_time' },
    { key: { actorId: 1, at: -1 }, name: 'by_actor_time' },
    { key: { action: 1, at: -1 }, name: 'by_action_time' },
    { key: { targets: 1, at: -1 }, name: 'by_target_time' },
  ],
};

type StoredEntry = AuditEntry & { targets: string[] };

/** The audit log: append-only, never edited or deleted from the app. */
export class AuditRepository {
  private readonly entries: Collection<StoredEntry>;

  constructor(db: Db) {
    this.entries = db.collection<StoredEntry>('audit_log');
  }

  async add(entry: AuditEntry): Promise<void> {
    // The target ids again as a list, so "everything that touched this booking" is one indexed look-up.
    await this.entries.insertOne({ ...entry, targets: Object.values(entry.target) });
  }

  /** Entries passing the filter, newest first, one page. */
  async list(filter: AuditFilter & Page): Promise<{ items: AuditEntry[]; total: number }> {
    const query: Filter<StoredEntry> = {};
    if (filter.actorId) query.actorId = filter.actorId;
    if (filter.action) query.action = filter.action;
    if (filter.kind) query.kind = filter.kind;
    if (filter.targetId) query.targets = filter.targetId;
    if (filter.from || filter.to) query.at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    const [stored, total] = await Promise.all([
      this.entries.find(query).sort({ at: -1, _id: -1 }).skip(filter.skip).limit(filter.limit).toArray(),
      this.entries.countDocuments(query),
    ]);
    return { items: stored.map(({ targets: _targets, ...entry }) => entry), total };
  }
}
