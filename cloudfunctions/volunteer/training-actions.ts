import { volunteerTrainingActions as input } from '../../shared/schemas/volunteer-training.schema';
import { action } from '../core/runtime/define-function';
import { accessIn } from '../../shared/domain/permissions';
import type { TimerSpec } from '../core/runtime/define-function';

const access = accessIn('volunteer');

/** A write this old with nothing following it is taken as interrupted (as for bookings and places). */
export const TRAINING_REPAIR_GRACE_MS = 2 * 60_000;

/** The training actions of the volunteer function: elders' seats in classes, the roll, the yearly counts. */
export const trainingActions = {
  classes: action({ input: input.classes, access: access('classes'), run: (_i, { app }) => app.services.trainingEnrolment.classes() }),
  enrollElder: action({ input: input.enrollElder, access: access('enrollElder'), run: (i, { app, caller }) => app.services.trainingEnrolment.enroll(caller, i) }),
  myEnrolments: action({ input: input.myEnrolments, access: access('myEnrolments'), run: (_i, { app, caller }) => app.services.trainingEnrolment.mine(caller) }),
  classRoll: action({ input: input.classRoll, access: access('classRoll'), run: ({ activityId }, { app, caller }) => app.services.trainingRoll.roll(caller, activityId) }),
  takeRoll: action({ input: input.takeRoll, access: access('takeRoll'), run: (i, { app, caller }) => app.services.trainingRoll.takeRoll(caller, i) }),
  setTrainingTargets: action({ input: input.setTrainingTargets, access: access('setTrainingTargets'), run: (i, { app, caller }) => app.services.trainingProgress.setTargets(caller, i) }),
  trainingProgress: action({ input: input.trainingProgress, access: access('trainingProgress'), run: (i, { app, caller }) => app.services.trainingProgress.progress(caller, i) }),
};

/** Enrolments interrupted between their record and their seat are finished or undone. */
export const trainingTimers: TimerSpec[] = [{ name: 'repairTraining', everyMinutes: 1, run: (app) => app.services.trainingEnrolment.repair(TRAINING_REPAIR_GRACE_MS) }];
