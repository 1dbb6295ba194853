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
