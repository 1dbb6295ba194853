/**
 * What a volunteer agrees to when applying, in plain words (《志愿服务条例》 and the record measures).
 * The client shows this text; the server stores the version consented and when. A changed text gets
 * a new version, so a stored consent always names the words that were shown.
 */
export const VOLUNTEER_CONSENT_VERSION = '2026-1';

export const volunteerConsentText: readonly string[] = [
  '我填写的姓名、联系方式、技能和可服务时间真实准确。',
  '街道和活动组织方会记录我参加的活动、日期、地点和服务时长，用于出具志愿服务记录证明。',
  '我的个人信息只用于志愿服务，未经我同意不会公开；身份证号加密保存、只显示部分，我可以随时删除。',
  '我会根据自己的年龄和身体状况报名合适的活动；不能参加时提前告知组织方。',
  '有风险的活动会事先说明风险和保险安排，我可以自愿选择是否参加。',
  '记录有误时，我可以申请更正，组织方核实后改正。',
];

/** The versions the server accepts: only the current one (an old page must show the new words first). */
export const acceptedConsentVersions = [VOLUNTEER_CONSENT_VERSION] as const;
