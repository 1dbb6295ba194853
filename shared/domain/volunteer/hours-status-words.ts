import type { HoursStatus } from './attendance-hours';

/** A record's status in the words staff and volunteers read (pages and exports alike). */
export const hoursStatusWords: Record<HoursStatus, string> = { pending: '待确认', confirmed: '已确认', corrected: '已更正', correction_requested: '申请更正中' };
