import { staffDeskActions as input } from '../../shared/schemas/staff-desk.schema';
import { accessIn } from '../../shared/domain/permissions';
import { action } from '../core/runtime/define-function';

const access = accessIn('staff');

/** The audit log, for admin to browse (what is written is decided in shared/domain/permissions/audit.ts). */
export const auditActions = {
  auditLog: action({ input: input.auditLog, access: access('auditLog'), run: (i, { app }) => app.services.audit.list(i) }),
};
