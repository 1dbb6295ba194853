import { exportsActions as input } from '../../shared/schemas/exports.schema';
import { accessIn } from '../../shared/domain/permissions';
import { action } from '../core/runtime/define-function';
import { ExcelXlsxRenderer } from '../core/services/exports/xlsx-renderer';

const access = accessIn('exports');

const xlsx = new ExcelXlsxRenderer();

/** exports — the dashboard's workbook and the volunteer hours table (XLSX; the hours PDF is `documents.volunteerHoursPdf`). */
export const exportActions = {
  dashboardXlsx: action({ input: input.dashboardXlsx, access: access('dashboardXlsx'), run: (i, { app, caller }) => app.services.exports.dashboardXlsx(caller, i, xlsx) }),
  volunteerHoursXlsx: action({
    input: input.volunteerHoursXlsx,
    access: access('volunteerHoursXlsx'),
    run: (i, { app, caller }) => app.services.exports.volunteerHoursXlsx(caller, i, xlsx),
  }),
};
