/**
 * Code tables of a volunteer's registration (银龄行动). Codes are stable English strings stored in the
 * database and matched by clients; labels are what volunteers and staff read.
 */

type ValueOf<T> = T[keyof T];

// z.enum and exhaustive loops want a non-empty tuple, which Object.values cannot promise by type.
function codesOf<T extends Record<string, string>>(table: T): [ValueOf<T>, ...ValueOf<T>[]] {
  return Object.values(table) as [ValueOf<T>, ...ValueOf<T>[]];
}

export const VolunteerBackground = {
  intellectual: 'intellectual',
  expert: 'expert',
  cadre: 'cadre',
  party_member: 'party_member',
  other: 'other',
} as const;
export type VolunteerBackground = ValueOf<typeof VolunteerBackground>;
export const allVolunteerBackgrounds = codesOf(VolunteerBackground);
export const volunteerBackgroundLabels: Record<VolunteerBackground, string> = {
  intellectual: '老知识分子',
  expert: '老专家',
  cadre: '老干部',
  party_member: '老党员',
  other: '其他',
};

export const VolunteerSkill = {
  smartphone_teaching: 'smartphone_teaching',
  escort: 'escort',
  performing_arts: 'performing_arts',
  legal_advice: 'legal_advice',
  health_talk: 'health_talk',
  other: 'other',
} as const;
export type VolunteerSkill = ValueOf<typeof VolunteerSkill>;
export const allVolunteerSkills = codesOf(VolunteerSkill);
export const volunteerSkillLabels: Record<VolunteerSkill, string> = {
  smartphone_teaching: '智能手机教学',
  escort: '陪诊',
  performing_arts: '文艺',
  legal_advice: '法律咨询',
  health_talk: '健康讲座',
  other: '其他',
};

export const Gender = { female: 'female', male: 'male' } as const;
export type Gender = ValueOf<typeof Gender>;
export const allGenders = codesOf(Gender);
export const genderLabels: Record<Gender, string> = { female: '女', male: '男' };

/** Weekly availability: which parts of which weekdays (1 = Monday … 7 = Sunday, ISO). */
export const DayPart = { morning: 'morning', afternoon: 'afternoon', evening: 'evening' } as const;
export type DayPart = ValueOf<typeof DayPart>;
export const allDayParts = codesOf(DayPart);
export const dayPartLabels: Record<DayPart, string> = { morning: '上午', afternoon: '下午', evening: '晚上' };
export const weekdayLabels = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

/** The skill whose approval makes a volunteer an escort (陪诊员) as well. */
export const ESCORT_SKILL: VolunteerSkill = 'escort';
