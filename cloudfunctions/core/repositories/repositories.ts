import type { Db } from 'mongodb';
import type { CollectionIndexes } from '../db/indexes';
import { CatalogRepository } from './catalog.repository';
import { DistrictRepository, districtIndexes } from './district.repository';
import { MetaRepository } from './meta.repository';
import { ProviderRepository, providerIndexes } from './provider.repository';
import { UserRepository, userIndexes } from './user.repository';
import { AvailabilityRepository } from './availability.repository';
import { BookingRepository, bookingIndexes } from './booking.repository';
import { bookingDayCountIndexes } from './booking-day-counts';
import { HoldRepository, holdIndexes } from './hold.repository';
import { OutboxRepository, outboxIndexes } from './outbox.repository';
import { NotificationRepository, OutboxFeed, notificationIndexes } from './notification.repository';
import { SubscriptionQuotaRepository, subscriptionQuotaIndexes } from './subscription-quota.repository';
import { WeChatTokenRepository } from './wechat-token.repository';
import { VolunteerRepository, volunteerIndexes } from './volunteer.repository';
import { ActivityRepository, activityIndexes } from './activity.repository';
// volunteer — attendance
import { AttendanceRepository, attendanceIndexes } from './attendance.repository';
// volunteer — training
import { TrainingRepository, trainingIndexes } from './training.repository';
// staff sign-in
import { StaffCredentialRepository, staffCredentialIndexes } from './staff-credential.repository';
import { LoginAttemptRepository, loginAttemptIndexes } from './login-attempt.repository';
// staff desk
import { AuditRepository, auditIndexes } from './audit.repository';
// documents — certificates
import { CertificateRepository, certificateIndexes } from './certificate.repository';
// staff — dashboard
import { DashboardRepository, dashboardIndexes } from './dashboard.repository';
// the instance's cache of what rarely changes, behind version stamps
import { ReferenceCache } from './reference-cache';
import { StampRepository } from './stamp.repository';

export type Repositories = {
  users: UserRepository;
  district: DistrictRepository;
  catalog: CatalogRepository;
  providers: ProviderRepository;
  meta: MetaRepository;
  availability: AvailabilityRepository;
  bookings: BookingRepository;
  holds: HoldRepository;
  outbox: OutboxRepository;
  outboxFeed: OutboxFeed;
  notifications: NotificationRepository;
  subscriptionQuota: SubscriptionQuotaRepository;
  wechatTokens: WeChatTokenRepository;
  volunteers: VolunteerRepository;
  activities: ActivityRepository;
  // volunteer — attendance
  attendance: AttendanceRepository;
  // volunteer — training
  training: TrainingRepository;
  // staff sign-in
  staffCredentials: StaffCredentialRepository;
  loginAttempts: LoginAttemptRepository;
  // staff desk
  audit: AuditRepository;
  // documents — certificates
  certificates: CertificateRepository;
  // staff — dashboard
  dashboard: DashboardRepository;
  // the instance's cache of what rarely changes (users, district, catalog, providers, hours)
  reference: ReferenceCache;
};

/** Every collection's declared indexes, created idempotently when an app starts. */
export const allIndexes: CollectionIndexes[] = [
  userIndexes,
  ...districtIndexes,
  providerIndexes,
  ...bookingIndexes,
  ...holdIndexes,
  outboxIndexes,
  ...notificationIndexes,
  ...subscriptionQuotaIndexes,
  ...volunteerIndexes,
  ...activityIndexes,
  // volunteer — attendance
  ...attendanceIndexes,
  // volunteer — training
  ...trainingIndexes,
  // staff sign-in
  staffCredentialIndexes,
  loginAttemptIndexes,
  // staff desk
  auditIndexes,
  // documents — certificates
  ...certificateIndexes,
  // staff — dashboard
  ...dashboardIndexes,
  // staff lists and counts — bookings counted per day
  ...bookingDayCountIndexes,
];

export function createRepositories(db: Db): Repositories {
  // One cache per app (a function instance): these repositories read through it and stamp their writes.
  const reference = new ReferenceCache(new StampRepository(db));
  return {
    users: new UserRepository(db, reference),
    district: new DistrictRepository(db, reference),
    catalog: new CatalogRepository(db, reference),
    providers: new ProviderRepository(db, reference),
    meta: new MetaRepository(db),
    availability: new AvailabilityRepository(db, reference),
    bookings: new BookingRepository(db),
    holds: new HoldRepository(db),
    outbox: new OutboxRepository(db),
    outboxFeed: new OutboxFeed(db),
    notifications: new NotificationRepository(db),
    subscriptionQuota: new SubscriptionQuotaRepository(db),
    wechatTokens: new WeChatTokenRepository(db),
    volunteers: new VolunteerRepository(db),
    activities: new ActivityRepository(db),
    // volunteer — attendance
    attendance: new AttendanceRepository(db),
    // volunteer — training
    training: new TrainingRepository(db),
    // staff sign-in
    staffCredentials: new StaffCredentialRepository(db),
    loginAttempts: new LoginAttemptRepository(db),
    // staff desk
    audit: new AuditRepository(db),
    // documents — certificates
    certificates: new CertificateRepository(db),
    // staff — dashboard
    dashboard: new DashboardRepository(db),
    reference,
  };
}
