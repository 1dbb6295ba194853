import type { Collection, Db } from 'mongodb';
import { resilientCollection } from '../db/resilient-collection';
import type { CollectionIndexes } from '../db/indexes';
import { isDuplicateKeyError } from '../db/mongo-errors';

/** One line of a certificate: an activity and the hours decided for it. */
export type CertificateItem = { activityId: string; title: string; date: string; hours: number };

/**
 * A 志愿服务记录证明 as issued: `_id` is its serial (unique, so two issuances never share one), and
 * everything printed is a snapshot taken at issue, so the same PDF can be rendered again and the
 * public page shows what the paper says even after a name, a street or a record changes.
 */
export type CertificateDoc = {
  _id: string;
  userId: string;
  period: { from: string; to: string };
  issuedAt: Date;
  /** The issue date as printed (the district's calendar day of `issuedAt`). */
  issueDate: string;
  holder: { name: string; volunteerNumber: string; idType: string | null; idMasked: string | null };
  items: CertificateItem[];
  totalHours: number;
  issuer: { streetId: string; unit: string; handler: string | null; contact: string | null };
};

export const certificateIndexes: CollectionIndexes[] = [
  { collection: 'volunteer_certificates', indexes: [{ key: { userId: 1, issuedAt: -1 }, name: 'by_user' }] },
];

export class CertificateRepository {
  private readonly certificates: Collection<CertificateDoc>;

  constructor(db: Db) {
    this.certificates = resilientCollection<CertificateDoc>(db, 'volunteer_certificates');
  }

  /** False when the serial is taken already (a collision of random serials: draw another). */
  async insert(doc: CertificateDoc): Promise<boolean> {
    try {
      await this.certificates.insertOne(doc);
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  bySerial(serial: string): Promise<CertificateDoc | null> {
    return this.certificates.findOne({ _id: serial });
  }

  /** A person's certificates, newest first, without their lines (a list needs only the totals). */
  issuedTo(userId: string, limit: number): Promise<Omit<CertificateDoc, 'items'>[]> {
    return this.certificates.find({ userId }, { projection: { items: 0 } }).sort({ issuedAt: -1 }).limit(limit).toArray();
  }

  /** How many certificates a person was issued from `since` on (the daily limit). */
  countIssuedSince(userId: string, since: Date): Promise<number> {
    return this.certificates.countDocuments({ userId, issuedAt: { $gte: since } });
  }
}
