import type { NotifyTemplate, NotifyTemplateField } from '../../../../config/server-config.schema';
import { dayjs, DISTRICT_TZ } from '../../../../shared/domain/time';

/**
 * WeChat's rules for subscribe-message values, by the keyword's prefix (`thing1` is a thing). A value
 * that breaks them makes WeChat refuse the whole message (47003), so values are made to fit here: a
 * long one is shortened, never rejected.
 */
export const keywordLimits = {
  thing: 20,
  phrase: 5,
  name: 10,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  phone_number: 17,
  car_number: 8,
  amount: 12,
} as const;

export type KeywordType = keyof typeof keywordLimits | 'time' | 'date';

const HAN = /\p{Script=Han}/u;

export function keywordType(keyword: string): KeywordType | null {
  const match = /^([a-z_]+?)\d{1,2}$/.exec(keyword);
  if (!match) return null;
  const prefix = match[1]!;
  return prefix === 'time' || prefix === 'date' || prefix in keywordLimits ? (prefix as KeywordType) : null;
}

/** 'YYYY年MM月DD日 HH:mm' in the district's zone, the form WeChat's time and date keywords take. */
export function wechatTime(instant: Date): string {
  return dayjs(instant).tz(DISTRICT_TZ).format('YYYY年MM月DD日 HH:mm');
}

function chars(value: string): string[] {
  return Array.from(value);
}

/** At most `max` characters; a longer text keeps its first max - 1 and ends with '…'. */
export function shorten(value: string, max: number): string {
  const all = chars(value);
  return all.length <= max ? value : `${all.slice(0, max - 1).join('')}…`;
}

function keep(value: string, allowed: RegExp, max: number): string {
  return chars(value).filter((c) => allowed.test(c)).slice(0, max).join('');
}

/** The value as WeChat accepts it for this keyword. */
export function fitValue(keyword: string, raw: string | Date): string {
  const type = keywordType(keyword);
  if (raw instanceof Date) return wechatTime(raw);
  const value = raw.replace(/\s+/g, ' ').trim();
  switch (type) {
    case 'time':
    case 'date':
      return value;
    case 'thing':
      return shorten(value, keywordLimits.thing) || '无';
    case 'phrase':
      // Only Chinese characters, at most five; a cut word is better than a refused message.
      return keep(value, HAN, keywordLimits.phrase) || '无';
    case 'name':
      return chars(value).some((c) => HAN.test(c)) ? keep(value, HAN, keywordLimits.name) : keep(value, /[A-Za-z .·-]/, 20) || '无';
    case 'character_string':
      return keep(value, /[\x21-\x7e]/, keywordLimits.character_string) || '-';
    case 'number':
      return keep(value, /[0-9.]/, keywordLimits.number) || '0';
    case 'letter':
      return keep(value, /[A-Za-z]/, keywordLimits.letter) || 'A';
    case 'symbol':
      return keep(value, /[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/, keywordLimits.symbol) || '-';
    case 'phone_number':
      return keep(value, /[0-9+\-]/, keywordLimits.phone_number) || '-';
    default:
      return shorten(value, type ? keywordLimits[type] : keywordLimits.thing);
  }
}

/** The `data` of a send request: each configured keyword with its fitted value. */
export function templateData(
  template: NotifyTemplate,
  fields: Partial<Record<NotifyTemplateField, string | Date>>,
): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  for (const [field, keyword] of Object.entries(template.fields) as [NotifyTemplateField, string][]) {
    const value = fields[field];
    data[keyword] = { value: fitValue(keyword, value ?? '无') };
  }
  return data;
}
