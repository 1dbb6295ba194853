import { volunteerAttendanceActions as input } from '../../shared/schemas/volunteer-attendance.schema';
import { accessIn } from '../../shared/domain/permissions';
import { action, type TimerSpec } from '../core/runtime/define-function';

const access = accessIn('volunteer');

/** volunteer — attendance: the rotating code, check-in and check-out, the roster, the hours ledger. */
export const attendanceActions = {
  attendanceCode: action({ input: input.attendanceCode, access: access('attendanceCode'), run: ({ activityId }, { app, caller }) => app.services.attendance.code(caller, activityId) }),
  checkIn: action({ input: input.checkIn, access: access('checkIn'), run: ({ activityId, code }, { app, caller }) => app.services.attendance.checkIn(caller, activityId, code) }),
  checkOut: action({ input: input.checkOut, access: access('checkOut'), run: ({ activityId, code }, { app, caller }) => app.services.attendance.checkOut(caller, activityId, code) }),
  roster: action({ input: input.roster, access: access('roster'), run: ({ activityId }, { app, caller }) => app.services.attendance.roster(caller, activityId) }),
  activityHours: action({
    input: input.activityHours,
    access: access('activityHours'),
    run: ({ activityId }, { app, caller }) => app.services.hoursLedger.activityHours(caller, activityId),
  }),
  confirmHours: action({
    input: input.confirmHours,
    access: access('confirmHours'),
    run: ({ activityId, volunteerId }, { app, caller }) => app.services.hoursLedger.confirm(caller, activityId, volunteerId),
  }),
  correctHours: action({
    input: input.correctHours,
    access: access('correctHours'),
    run: ({ activityId, volunteerId, hours, reason }, { app, caller }) => app.services.hoursLedger.correct(caller, activityId, volunteerId, hours, reason),
  }),
  requestCorrection: action({
    input: input.requestCorrection,
    access: access('requestCorrection'),
    run: ({ activityId, hours, reason }, { app, caller }) => app.services.hoursLedger.requestCorrection(caller, activityId, hours, reason),
  }),
  decideCorrection: action({ input: input.decideCorrection, access: access('decideCorrection'), run: (i, { app, caller }) => app.services.hoursLedger.decideCorrection(caller, i) }),
  myHours: action({ input: input.myHours, access: access('myHours'), run: (_i, { app, caller }) => app.services.hoursLedger.myHours(caller) }),
};

/**
 * Check-outs forgotten (or cut off by a crash) are closed once nobody can check out any more; hours
 * decisions a crash left untold are told.
 */
export const attendanceTimers: TimerSpec[] = [
  { name: 'closeForgottenCheckouts', everyMinutes: 5, run: (app) => app.services.attendance.closeForgotten() },
  { name: 'repairHoursNotices', everyMinutes: 5, run: (app) => app.services.hoursLedger.repairNotices() },
];
