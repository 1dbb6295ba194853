import type { z } from 'zod';
import type { adminActions, adminBookingActions } from '../../../shared/schemas/admin.schema';
import type { bookingActions } from '../../../shared/schemas/booking.schema';
import type { catalogActions } from '../../../shared/schemas/catalog.schema';
import type { notifyActions } from '../../../shared/schemas/notify.schema';
import type { providerActions } from '../../../shared/schemas/provider.schema';
import type { userActions } from '../../../shared/schemas/user.schema';
// staff sign-in
import type { staffAccountActions, staffLoginActions } from '../../../shared/schemas/staff-auth.schema';
import type { volunteerActivityActions } from '../../../shared/schemas/volunteer-activity.schema';
import type { volunteerRegistrationActions } from '../../../shared/schemas/volunteer-registration.schema';
import type { volunteerAttendanceActions } from '../../../shared/schemas/volunteer-attendance.schema';
import type { volunteerManageActions } from '../../../shared/schemas/volunteer-manage.schema';
import type { volunteerTrainingActions } from '../../../shared/schemas/volunteer-training.schema';
import type { staffDeskActions } from '../../../shared/schemas/staff-desk.schema';
// stations and providers
import type { staffStationActions } from '../../../shared/schemas/staff-stations.schema';
import type { documentsActions } from '../../../shared/schemas/documents.schema';
// exports
import type { exportsActions } from '../../../shared/schemas/exports.schema';

/**
 * Every cloud function the client calls, with the input schema of each action: the same tables the
 * functions parse events with, so a payload the server would refuse by shape does not compile.
 * Type-only: the schemas the client runs (views.schema.ts) are its own, lenient to newer servers.
 */
export type ApiActions = {
  user: typeof userActions & typeof staffLoginActions;
  booking: typeof bookingActions;
  catalog: typeof catalogActions;
  provider: typeof providerActions;
  notify: typeof notifyActions;
  admin: typeof adminActions & typeof adminBookingActions & typeof staffAccountActions;
  // volunteer — client: the 银龄行动 function's actions the pages call.
  volunteer: typeof volunteerRegistrationActions & typeof volunteerActivityActions & typeof volunteerAttendanceActions & typeof volunteerTrainingActions
    // volunteer — staff
    & typeof volunteerManageActions;
  // staff desk: the staff workbench's function.
  staff: typeof staffDeskActions & typeof staffStationActions;
  // documents — certificates
  documents: typeof documentsActions;
  // exports: the staff's XLSX and PDF files
  exports: typeof exportsActions;
};

export type ApiFunction = keyof ApiActions;
export type ApiAction<F extends ApiFunction> = keyof ApiActions[F] & string;

/** What the client may send to an action: the schema's input (times as ISO strings, defaults optional). */
export type ApiInput<F extends ApiFunction, A extends ApiAction<F>> = ApiActions[F][A] extends z.ZodType ? z.input<ApiActions[F][A]> : never;
