import type { SessionTokenService } from './session-token.service';
import type { UserService } from './user.service';
import type { AvailabilityService } from './booking/availability.service';
import type { BookingMaintenanceService } from './booking/booking-maintenance.service';
import type { BookingService } from './booking/booking.service';
import type { ProviderWorkService } from './booking/provider-work.service';
import type { CatalogService } from './catalog.service';
import type { DistrictAdminService } from './district-admin.service';
import type { NotifyServices } from './notify/notify.service';
import type { RegistrationService } from './volunteer/registration.service';
import type { RegistrationTransitions } from './volunteer/registration-transitions';
// volunteer — activities
import type { ActivityAdminService } from './activity/activity-admin.service';
import type { ActivityMaintenanceService } from './activity/activity-maintenance.service';
import type { ActivityQueryService } from './activity/activity-query.service';
import type { ActivitySignupService } from './activity/activity-signup.service';
// volunteer — attendance
import type { AttendanceService } from './attendance/attendance.service';
import type { HoursLedgerService } from './attendance/hours-ledger.service';
// volunteer — training
import type { TrainingEnrolmentService } from './training/training-enrolment.service';
import type { TrainingProgressService } from './training/training-progress.service';
import type { TrainingRollService } from './training/training-roll.service';
// volunteer — staff
import type { ActivityManageService } from './activity/activity-manage.service';
// staff sign-in
import type { LoginLimiter } from './staff-auth/login-limiter';
import type { StaffAccountService } from './staff-auth/staff-account.service';
import type { StaffAuthService } from './staff-auth/staff-auth.service';
// staff desk
import type { StaffBookingDesk } from './staff/booking-desk.service';
import type { AuditLogService } from './staff/audit-log.service';
import type { DistrictSettingsService } from './staff/district-settings.service';
import type { DashboardService } from './staff/dashboard.service';
import type { StationDeskService } from './staff/station-desk.service';
import type { ExportService } from './exports/export.service';
// documents — certificates (the data only: the renderer lives in the documents function)
import type { CertificateService } from './documents/certificate.service';
import { composeServices, type ServiceDeps, type ServiceParts } from './composition';
import { sessionParts } from './session.parts';
import { notifyParts } from './notify/notify.parts';
import * as booking from './booking/booking.parts';
import * as volunteer from './volunteer/volunteer.parts';
import * as staff from './staff/staff.parts';
import * as documents from './documents/documents.parts';

/**
 * Every service the functions use, by the name actions call it with (`app.services.x`). Each is
 * built by its part (`<domain>.parts.ts`); a cloud function lists the parts its actions need, so its
 * bundle holds only those (see docs/architecture.md, "Function bundles").
 */
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
  // stations and providers
  stationDesk: StationDeskService;
  // documents — certificates
  certificates: CertificateService;
  // exports — the staff's XLSX and PDF files (the data only: rendering is the exports function's)
  exports: ExportService;
};

export type { ServiceDeps };

/** Every part: the host and the tests run every function in one process with all of them. */
export const allServiceParts = {
  ...sessionParts,
  ...notifyParts,
  catalog: booking.catalogPart,
  bookings: booking.bookingsPart,
  providerWork: booking.providerWorkPart,
  availability: booking.availabilityPart,
  maintenance: booking.maintenancePart,
  districtAdmin: booking.districtAdminPart,
  staffBookings: booking.staffBookingsPart,
  // volunteer — registration
  volunteerRegistration: volunteer.volunteerRegistrationPart,
  volunteerRegistrationRepair: volunteer.volunteerRegistrationRepairPart,
  // volunteer — activities
  activityAdmin: volunteer.activityAdminPart,
  activitySignup: volunteer.activitySignupPart,
  activityQuery: volunteer.activityQueryPart,
  activityMaintenance: volunteer.activityMaintenancePart,
  // volunteer — attendance
  attendance: volunteer.attendancePart,
  hoursLedger: volunteer.hoursLedgerPart,
  // volunteer — training
  trainingEnrolment: volunteer.trainingEnrolmentPart,
  trainingRoll: volunteer.trainingRollPart,
  trainingProgress: volunteer.trainingProgressPart,
  // volunteer — staff
  activityManage: volunteer.activityManagePart,
  // staff sign-in
  staffAuth: staff.staffAuthPart,
  staffAccounts: staff.staffAccountsPart,
  loginLimiter: staff.loginLimiterPart,
  // staff desk
  districtSettings: staff.districtSettingsPart,
  dashboard: staff.dashboardPart,
  stationDesk: staff.stationDeskPart,
  // documents — certificates
  certificates: documents.certificatesPart,
  // exports — the staff's XLSX and PDF files
  exports: documents.exportsPart,
} satisfies Required<ServiceParts>;

export function createServices(deps: ServiceDeps): Services {
  return composeServices(deps, allServiceParts);
}
