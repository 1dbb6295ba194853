import type { WeeklyRuleInput } from '../../../../shared/schemas/availability.schema';

export const weekdayNames = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
/** Monday first, as people read a week. */
export const weekOrder = [1, 2, 3, 4, 5, 6, 0];

type RangeFields = Omit<WeeklyRuleInput, 'weekday'>;

/** One line of the weekly hours: the same range on several days (周一至周五 09:00–11:30). */
export type RuleGroup = { key: string; weekdays: number[]; range: RangeFields; indexes: number[] };

const rangeKey = (r: RangeFields) => `${r.start}|${r.end}|${r.slotMinutes}|${r.capacity}|${r.bufferMinutes}`;

/**
 * Rules with the same hours folded into one line per range, earliest start first, days in week
 * order: ten rules of a Monday-to-Friday week read as two lines.
 */
export function groupRules(rules: readonly WeeklyRuleInput[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  rules.forEach((rule, index) => {
    const { weekday, ...range } = rule;
    const key = rangeKey(range);
    const group = groups.get(key) ?? { key, weekdays: [], range, indexes: [] };
    group.weekdays.push(weekday);
    group.indexes.push(index);
    groups.set(key, group);
  });
  const order = (day: number) => weekOrder.indexOf(day);
  return [...groups.values()]
    .map((g) => ({ ...g, weekdays: [...new Set(g.weekdays)].sort((a, b) => order(a) - order(b)) }))
    .sort((a, b) => a.range.start.localeCompare(b.range.start) || order(a.weekdays[0]!) - order(b.weekdays[0]!));
}

/** 周一至周五, 周一、周三、周五, 周一至周三、周六: runs of three or more days join with 至. */
export function daysLabel(weekdays: readonly number[]): string {
  const positions = [...new Set(weekdays.map((d) => weekOrder.indexOf(d)))].filter((p) => p >= 0).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < positions.length; ) {
    let j = i;
    while (j + 1 < positions.length && positions[j + 1] === positions[j]! + 1) j += 1;
    const name = (p: number) => weekdayNames[weekOrder[p]!]!;
    if (j - i >= 2) parts.push(`${name(positions[i]!)}至${name(positions[j]!)}`);
    else for (let k = i; k <= j; k += 1) parts.push(name(positions[k]!));
    i = j + 1;
  }
  return parts.join('、');
}

/** 每 30 分钟一个号，每号 1 人（间隔 5 分钟） */
export function rangeTerms(range: RangeFields): string {
  return `每 ${range.slotMinutes} 分钟一个号，每号 ${range.capacity} 人${range.bufferMinutes ? `，间隔 ${range.bufferMinutes} 分钟` : ''}`;
}
