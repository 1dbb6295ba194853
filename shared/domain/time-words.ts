/**
 * Times in words, as people in the district read them (上午 9:00, 12月1日 周二): one wording for the
 * app and for the notices the server writes. Pure and free of dayjs so the client bundle stays small.
 */
/** Times are shown as people in the district read them: Asia/Shanghai (UTC+8, no daylight saving). */
const shanghaiOffsetMs = 8 * 60 * 60 * 1000;
const weekdays = ['日', '一', '二', '三', '四', '五', '六'];

/** The part of the day people say before a 12-hour time: 凌晨 0:30, 中午 12:30, 晚上 7:00. */
function periodOf(hour: number): string {
  if (hour < 6) return '凌晨';
  if (hour < 12) return '上午';
  if (hour < 13) return '中午';
  if (hour < 18) return '下午';
  return '晚上';
}

/** '11月30日 周日 上午 9:00'; '' for a value that is not a time. */
export function formatDateTime(iso: string): string {
  const utc = Date.parse(iso);
  if (Number.isNaN(utc)) return '';
  const local = new Date(utc + shanghaiOffsetMs);
  const hour = local.getUTCHours();
  const minute = String(local.getUTCMinutes()).padStart(2, '0');
  const hour12 = hour > 12 ? hour - 12 : hour;
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 周${weekdays[local.getUTCDay()]} ${periodOf(hour)} ${hour12}:${minute}`;
}

function shanghai(iso: string): Date | null {
  const utc = Date.parse(iso);
  return Number.isNaN(utc) ? null : new Date(utc + shanghaiOffsetMs);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The district calendar date ('YYYY-MM-DD') of an instant. */
export function districtDateKey(iso: string | Date): string {
  const local = shanghai(typeof iso === 'string' ? iso : iso.toISOString());
  if (!local) return '';
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
}

/** The calendar date `days` after a 'YYYY-MM-DD' date. */
export function addDaysToKey(key: string, days: number): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The instant of a district wall time ('YYYY-MM-DD', 'HH:mm') as ISO. */
export function districtInstant(dateKey: string, wallTime: string): string {
  const [y, m, d] = dateKey.split('-').map(Number) as [number, number, number];
  const [hh, mm] = wallTime.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, d, hh, mm) - shanghaiOffsetMs).toISOString();
}

/** '上午' / '下午' … for an instant. */
export function periodOfInstant(iso: string): string {
  const local = shanghai(iso);
  return local ? periodOf(local.getUTCHours()) : '';
}

/** '9:00', '2:30' (12-hour, the period said apart), as on a slot button under 上午 / 下午. */
export function formatClock(iso: string): string {
  const local = shanghai(iso);
  if (!local) return '';
  const hour = local.getUTCHours();
  return `${hour > 12 ? hour - 12 : hour}:${pad(local.getUTCMinutes())}`;
}

/** '下午 2:30' */
export function formatTime(iso: string): string {
  return `${periodOfInstant(iso)} ${formatClock(iso)}`;
}

/** '12月1日 周一' for a 'YYYY-MM-DD' date. */
export function formatDateKey(key: string): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return `${m}月${d}日 周${weekdays[date.getUTCDay()]}`;
}

/** '周一' for a 'YYYY-MM-DD' date. */
export function weekdayOfKey(key: string): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return `周${weekdays[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}`;
}

/** '12/1' for a 'YYYY-MM-DD' date. */
export function shortDateOfKey(key: string): string {
  const [, m, d] = key.split('-').map(Number) as [number, number, number];
  return `${m}/${d}`;
}

/** '今天', '明天', '后天' or '' for a date relative to `todayKey`. */
export function relativeDayName(key: string, todayKey: string): string {
  if (key === todayKey) return '今天';
  if (key === addDaysToKey(todayKey, 1)) return '明天';
  if (key === addDaysToKey(todayKey, 2)) return '后天';
  return '';
}

/** '11月30日 周日 上午 9:00 – 9:30'; '上午 9:00 – 下午 1:00' when the period changes. */
export function formatRange(startsAt: string, endsAt: string): string {
  if (districtDateKey(startsAt) !== districtDateKey(endsAt)) return `${formatDateTime(startsAt)} – ${formatDateTime(endsAt)}`;
  const end = periodOfInstant(startsAt) === periodOfInstant(endsAt) ? formatClock(endsAt) : formatTime(endsAt);
  return `${formatDateTime(startsAt)} – ${end}`;
}
