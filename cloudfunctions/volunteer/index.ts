import { defineFunction } from '../core/runtime/define-function';
import { notifyParts } from '../core/services/notify/notify.parts';
import * as volunteer from '../core/services/volunteer/volunteer.parts';
import { activityActions, activityTimers } from './activity-actions';
import { registrationActions, registrationTimers } from './registration-actions';
import { attendanceActions, attendanceTimers } from './attendance-actions';
import { trainingActions, trainingTimers } from './training-actions';
// volunteer — staff
import { manageActions } from './manage-actions';

export const volunteerFunction = defineFunction(
  'volunteer',
  { ...registrationActions, ...activityActions, ...attendanceActions, ...trainingActions, ...manageActions },
  {
    timers: [...registrationTimers, ...activityTimers, ...attendanceTimers, ...trainingTimers],
    services: {
      ...notifyParts,
      volunteerRegistration: volunteer.volunteerRegistrationPart,
      volunteerRegistrationRepair: volunteer.volunteerRegistrationRepairPart,
      activityAdmin: volunteer.activityAdminPart,
      activitySignup: volunteer.activitySignupPart,
      activityQuery: volunteer.activityQueryPart,
      activityMaintenance: volunteer.activityMaintenancePart,
      attendance: volunteer.attendancePart,
      hoursLedger: volunteer.hoursLedgerPart,
      trainingEnrolment: volunteer.trainingEnrolmentPart,
      trainingRoll: volunteer.trainingRollPart,
      trainingProgress: volunteer.trainingProgressPart,
      activityManage: volunteer.activityManagePart,
    },
  },
);

export const main = volunteerFunction.main;
