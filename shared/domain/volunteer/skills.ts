/**
 * The skills a volunteer declares and an activity's role may ask for. Codes are stored; labels are
 * what people read. One table for registration and activities (`volunteerSkills`).
 */
export const volunteerSkills = {
  smartphone: '智能手机教学',
  escort: '陪诊',
  arts: '文艺',
  legal: '法律咨询',
  health: '健康讲座',
  other: '其他',
} as const;

export type VolunteerSkill = keyof typeof volunteerSkills;
export const volunteerSkillCodes = Object.keys(volunteerSkills) as [VolunteerSkill, ...VolunteerSkill[]];
