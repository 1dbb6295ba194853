import type { ServerConfig } from '../../../config/server-config.schema';
import type { Clock } from '../ports/clock';
import type { EventLog } from '../ports/event-log';
import type { IdGenerator } from '../ports/ids';
import type { Repositories } from '../repositories/repositories';
import { SessionTokenService } from './session-token.service';
import { UserService } from './user.service';
import { WeChatAuthClient } from './wechat/wechat-auth.client';
import { AvailabilityService } from './booking/availability.service';
import { BookingAccess } from './booking/booking-access';
import { BookingCreateService } from './booking/booking-create.service';
import { BookingMaintenanceService } from './booking/booking-maintenance.service';
import { bookingNoticeHandler } from './booking/booking-notices';
import { BookingTransitionService } from './booking/booking-transition.service';
import { BookingService } from './booking/booking.service';
import { ProviderWorkService } from './booking/provider-work.service';
import { SlotService } from './booking/slot.service';
import { StrandedBookings } from './booking/stranded-bookings';
import { CatalogService } from './catalog.service';
import { DistrictAdminService } from './district-admin.service';
import { createNotifyServices, type NotifyServices } from './notify/notify.service';
import { IdNumberCipher, parseIdNumberKey } from './volunteer/id-number-crypto';
import { registrationNoticeHandler } from './volunteer/registration-notices';
import { RegistrationService } from './volunteer/registration.service';
import { RegistrationTransitions } from './volunteer/registration-transitions';
// volunteer — activities
import { ActivityAdminService } from './activity/activity-admin.service';
import { ActivityMaintenanceService } from './activity/activity-maintenance.service';
import { activityNoticeHandler } from './activity/activity-notices';
import { ActivityPlaces } from './activity/activity-places';
import { ActivityQueryService } from './activity/activity-query.service';
import { ActivitySignupService } from './activity/activity-signup.service';
// volunteer — attendance
import { AttendanceCodes } from './attendance/attendance-code';
import { hoursNoticeHandler } from './attendance/attendance-notices';
import { AttendanceService } from './attendance/attendance.service';
import { HoursLedgerService } from './attendance/hours-ledger.service';
// volunteer — training
import { TrainingEnrolmentService } from './training/training-enrolment.service';
import { TrainingProgressService } from './training/training-progress.service';
import { TrainingRollService } from './training/training-roll.service';
// volunteer — staff
import { ActivityManageService } from './activity/activity-manage.service';
// staff sign-in
import { LoginLimiter } from './staff-auth/login-limiter';
import { StaffAccountService } from './staff-auth/staff-account.service';
import { StaffAuthService } from './staff-auth/staff-auth.service';
// staff desk
import { StaffBookingDesk } from './staff/booking-desk.service';
import { AuditLogService } from './staff/audit-log.service';
import { DistrictSettingsService } from './staff/district-settings.service';
import { DashboardService } from './staff/dashboard.service';
// exports — the staff's XLSX and PDF files
import { ExportService } from './exports/export.service';
// documents — certificates (the data only: the renderer lives in the documents function)
import { CertificateService } from './documents/certificate.service';

export type Services = {
  users: UserService;
  tokens: SessionTokenService | null;
  catalog: CatalogService;
  bookings: BookingService;
  providerWork: ProviderWorkService;
  availability: AvailabilityService;
  maintenance: BookingMaintenanceService;
  districtAdmin: DistrictAdminService;
  notify: NotifyServices;
  // volunteer — registration
  volunteerRegistration: RegistrationService;
  volunteerRegistrationRepair: RegistrationTransitions;
  // volunteer — activities
  activityAdmin: ActivityAdminService;
  activitySignup: ActivitySignupService;
  activityQuery: ActivityQueryService;
  activityMaintenance: ActivityMaintenanceService;
  // volunteer — attendance
  attendance: AttendanceService;
  hoursLedger: HoursLedgerService;
  // volunteer — training
  trainingEnrolment: TrainingEnrolmentService;
  trainingRoll: TrainingRollService;
  trainingProgress: TrainingProgressService;
  // volunteer — staff
  activityManage: ActivityManageService;
  // staff sign-in
  staffAuth: StaffAuthService;
  staffAccounts: StaffAccountService;
  loginLimiter: LoginLimiter;
  // staff desk
  staffBookings: StaffBookingDesk;
  audit: AuditLogService;
  districtSettings: DistrictSettingsService;
  dashboard: DashboardService;
  // documents — certificates
  certificates: CertificateService;
  // exports — the staff's XLSX and PDF files (the data only: rendering is the exports function's)
  exports: ExportService;
};

export type ServiceDeps = { config: ServerConfig; repos: Repositories; clock: Clock; ids: IdGenerator };

export function createServices({ config, repos, clock, ids }: ServiceDeps): Services {
  // Without a secret there are no session tokens: inside WeChat Cloud the platform names the caller.
  const tokens = config.tokenSecret ? new SessionTokenService(config.tokenSecret, config.tokenTtlSeconds, clock) : null;
  const wechatAuth = new WeChatAuthClient(config.wechat);
  const slots = new SlotService({ availability: repos.availability, catalog: repos.catalog, holds: repos.holds });
  const access = new BookingAccess({ bookings: repos.bookings, providers: repos.providers, catalog: repos.catalog, users: repos.users, clock });
  // Each domain tells notify what its subjects mean; a new kind (activities) adds its handler here.
  const subjects = new Map([
    ['booking', bookingNoticeHandler({ bookings: repos.bookings, providers: repos.providers })],
    ['activity', activityNoticeHandler({ activities: repos.activities })],
  ]);
  // volunteer — registration: the applicant is told the decision on their application.
  subjects.set('volunteer_application', registrationNoticeHandler());
  // volunteer — attendance: a volunteer is told each decision on their hours.
  subjects.set('volunteer_hours', hoursNoticeHandler());
  const notify = createNotifyServices({ config, repos, clock, ids, subjects });
  // Events become inbox notices in the call that records them; the notify.deliver timer catches
  // whatever that misses (a crash in between), so nobody waits for the next minute.
  const outbox: EventLog = {
    async add(event) {
      await repos.outbox.add(event);
      await notify.intake.handleNow(event);
    },
  };
  const bookingDeps = { bookings: repos.bookings, holds: repos.holds, outbox, providers: repos.providers, catalog: repos.catalog, slots, clock };
  const creator = new BookingCreateService({ ...bookingDeps, district: repos.district, dailyLimit: config.bookingDailyLimit, proxyDailyLimit: config.proxyDailyLimit });
  const transitions = new BookingTransitionService(bookingDeps);
  const stranded = new StrandedBookings(bookingDeps);
  // volunteer — registration
  const registrationTransitions = new RegistrationTransitions({ volunteers: repos.volunteers, users: repos.users, providers: repos.providers, outbox, clock });
  const volunteerRegistration = new RegistrationService({
    volunteers: repos.volunteers,
    district: repos.district,
    transitions: registrationTransitions,
    clock,
    cipher: config.idNumberKey ? new IdNumberCipher(parseIdNumberKey(config.idNumberKey)) : null,
  });
  // volunteer — activities: places, waiting list and offers rest on the same holds.
  const placesDeps = { activities: repos.activities, holds: repos.holds, outbox, clock };
  const places = new ActivityPlaces(placesDeps);
  const activityServices = {
    activityAdmin: new ActivityAdminService({ ...placesDeps, places, district: repos.district, ids }),
    activitySignup: new ActivitySignupService({ ...placesDeps, places, directory: repos.volunteers }),
    activityQuery: new ActivityQueryService({ ...placesDeps, directory: repos.volunteers, attendance: repos.attendance }),
    activityMaintenance: new ActivityMaintenanceService({ ...placesDeps, places }),
  };
  // volunteer — attendance
  const attendanceDeps = { activities: repos.activities, attendance: repos.attendance, clock };
  const attendanceServices = {
    attendance: new AttendanceService({ ...attendanceDeps, volunteers: repos.volunteers, codes: config.attendanceCodeSecret ? new AttendanceCodes(config.attendanceCodeSecret) : null }),
    hoursLedger: new HoursLedgerService({ ...attendanceDeps, outbox }),
  };
  // volunteer — training: elders' seats rest on the same holds; the roll and counts on unique keys.
  const trainingDeps = { activities: repos.activities, holds: repos.holds, training: repos.training, district: repos.district, clock };
  const trainingServices = {
    trainingEnrolment: new TrainingEnrolmentService(trainingDeps),
    trainingRoll: new TrainingRollService(trainingDeps),
    trainingProgress: new TrainingProgressService(trainingDeps),
  };
  // documents — certificates: issuance, the list and the public check; rendering is the documents function's.
  const documentServices = {
    certificates: new CertificateService({
      certificates: repos.certificates,
      attendance: repos.attendance,
      volunteers: repos.volunteers,
      district: repos.district,
      users: repos.users,
      clock,
      publicBaseUrl: () => config.publicBaseUrl,
    }),
  };
  // volunteer — staff: the staff pages' reads over activities, holds, hours and applications.
  const activityManage = new ActivityManageService({ activities: repos.activities, attendance: repos.attendance, holds: repos.holds, volunteers: repos.volunteers, clock });
  // staff sign-in: passwords and their limits; sessions are issued by the user service as for WeChat.
  const users = new UserService({
    users: repos.users,
    district: repos.district,
    tokens,
    wechatAuth,
    clock,
    ids,
    adminOpenids: config.adminOpenids,
    devLoginEnabled: config.devLogin,
  });
  const staffDeps = { credentials: repos.staffCredentials, users: repos.users, userService: users, clock, ids };
  const loginLimiter = new LoginLimiter({ credentials: repos.staffCredentials, attempts: repos.loginAttempts, clock });
  const staffAuthServices = {
    loginLimiter,
    staffAuth: new StaffAuthService({ ...staffDeps, limiter: loginLimiter, firstAdmin: config.firstAdmin ?? null, devLoginEnabled: config.devLogin }),
    staffAccounts: new StaffAccountService({ ...staffDeps, attempts: repos.loginAttempts, district: repos.district }),
  };
  const dashboard = new DashboardService({ bookings: repos.bookings, training: repos.training, district: repos.district, trainingProgress: trainingServices.trainingProgress, clock });
  return {
    ...documentServices,
    dashboard,
    ...staffAuthServices,
    ...activityServices,
    ...attendanceServices,
    ...trainingServices,
    activityManage,
    catalog: new CatalogService({ catalog: repos.catalog, district: repos.district, providers: repos.providers, slots, clock }),
    bookings: new BookingService({ bookings: repos.bookings, access, creator, transitions }),
    providerWork: new ProviderWorkService({ bookings: repos.bookings, providers: repos.providers, access, transitions }),
    availability: new AvailabilityService({ availability: repos.availability, catalog: repos.catalog, providers: repos.providers, district: repos.district, stranded, access, clock }),
    maintenance: new BookingMaintenanceService({ ...bookingDeps, creator, transitions }),
    districtAdmin: new DistrictAdminService({ ...bookingDeps, district: repos.district, users: repos.users, access, transitions, stranded, ids }),
    notify,
    // staff desk
    districtSettings: new DistrictSettingsService({ users: repos.users, district: repos.district, catalog: repos.catalog, training: repos.training }),
    audit: new AuditLogService({ audit: repos.audit, users: repos.users, clock, ids }),
    staffBookings: new StaffBookingDesk({ bookings: repos.bookings, providers: repos.providers, district: repos.district, access, creator, transitions, clock }),
    volunteerRegistration,
    volunteerRegistrationRepair: registrationTransitions,
    tokens,
    users,
    // exports — the staff's XLSX and PDF files
    exports: new ExportService({ bookings: repos.bookings, attendance: repos.attendance, district: repos.district, providers: repos.providers, users: repos.users, volunteers: repos.volunteers, dashboard, clock }),
  };
}
