import type { Composition, Part, SharedPart } from '../composition';
import { outboxPart } from '../notify/notify.parts';
import { IdNumberCipher, parseIdNumberKey } from './id-number-crypto';
import { RegistrationService } from './registration.service';
import { RegistrationTransitions } from './registration-transitions';
import { ActivityAdminService } from '../activity/activity-admin.service';
import { ActivityMaintenanceService } from '../activity/activity-maintenance.service';
import { ActivityPlaces } from '../activity/activity-places';
import { ActivityQueryService } from '../activity/activity-query.service';
import { ActivitySignupService } from '../activity/activity-signup.service';
import { ActivityManageService } from '../activity/activity-manage.service';
import { AttendanceCodes } from '../attendance/attendance-code';
import { AttendanceService } from '../attendance/attendance.service';
import { HoursLedgerService } from '../attendance/hours-ledger.service';
import { TrainingEnrolmentService } from '../training/training-enrolment.service';
import { TrainingProgressService } from '../training/training-progress.service';
import { TrainingRollService } from '../training/training-roll.service';

// volunteer — registration
export const volunteerRegistrationRepairPart: Part<'volunteerRegistrationRepair'> = ({ repos, clock, shared }) =>
  new RegistrationTransitions({ volunteers: repos.volunteers, users: repos.users, providers: repos.providers, outbox: shared(outboxPart), clock });
export const volunteerRegistrationPart: Part<'volunteerRegistration'> = ({ config, repos, clock, services }) =>
  new RegistrationService({
    volunteers: repos.volunteers,
    district: repos.district,
    transitions: services.volunteerRegistrationRepair,
    clock,
    cipher: config.idNumberKey ? new IdNumberCipher(parseIdNumberKey(config.idNumberKey)) : null,
  });

// volunteer — activities: places, waiting list and offers rest on the same holds.
const placesDeps = (c: Composition) => ({ activities: c.repos.activities, holds: c.repos.holds, outbox: c.shared(outboxPart), clock: c.clock });
const placesPart: SharedPart<ActivityPlaces> = (c) => new ActivityPlaces(placesDeps(c));
export const activityAdminPart: Part<'activityAdmin'> = (c) => new ActivityAdminService({ ...placesDeps(c), places: c.shared(placesPart), district: c.repos.district, ids: c.ids });
export const activitySignupPart: Part<'activitySignup'> = (c) => new ActivitySignupService({ ...placesDeps(c), places: c.shared(placesPart), directory: c.repos.volunteers });
export const activityQueryPart: Part<'activityQuery'> = (c) => new ActivityQueryService({ ...placesDeps(c), directory: c.repos.volunteers, attendance: c.repos.attendance });
export const activityMaintenancePart: Part<'activityMaintenance'> = (c) => new ActivityMaintenanceService({ ...placesDeps(c), places: c.shared(placesPart) });

// volunteer — attendance
const attendanceDeps = (c: Composition) => ({ activities: c.repos.activities, attendance: c.repos.attendance, clock: c.clock });
export const attendancePart: Part<'attendance'> = (c) =>
  new AttendanceService({
    ...attendanceDeps(c),
    volunteers: c.repos.volunteers,
    codes: c.config.attendanceCodeSecret ? new AttendanceCodes(c.config.attendanceCodeSecret) : null,
  });
export const hoursLedgerPart: Part<'hoursLedger'> = (c) => new HoursLedgerService({ ...attendanceDeps(c), outbox: c.shared(outboxPart) });

// volunteer — training: elders' seats rest on the same holds; the roll and counts on unique keys.
const trainingDeps = (c: Composition) => ({ activities: c.repos.activities, holds: c.repos.holds, training: c.repos.training, district: c.repos.district, clock: c.clock });
export const trainingEnrolmentPart: Part<'trainingEnrolment'> = (c) => new TrainingEnrolmentService(trainingDeps(c));
export const trainingRollPart: Part<'trainingRoll'> = (c) => new TrainingRollService(trainingDeps(c));
export const trainingProgressPart: Part<'trainingProgress'> = (c) => new TrainingProgressService(trainingDeps(c));

// volunteer — staff: the staff pages' reads over activities, holds, hours and applications.
export const activityManagePart: Part<'activityManage'> = ({ repos, clock }) =>
  new ActivityManageService({ activities: repos.activities, attendance: repos.attendance, holds: repos.holds, volunteers: repos.volunteers, clock });
