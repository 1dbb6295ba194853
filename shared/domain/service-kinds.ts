/**
 * Code tables for the three bookable services. Codes are stable English strings stored in the
 * database and matched by clients; labels are what residents and staff read.
 */

type ValueOf<T> = T[keyof T];

// z.enum and exhaustive loops want a non-empty tuple, which Object.values cannot promise by type.
function codesOf<T extends Record<string, string>>(table: T): [ValueOf<T>, ...ValueOf<T>[]] {
  return Object.values(table) as [ValueOf<T>, ...ValueOf<T>[]];
}

export const ServiceKind = {
  advisor: 'advisor',
  escort: 'escort',
  counseling: 'counseling',
} as const;
export type ServiceKind = ValueOf<typeof ServiceKind>;
export const allServiceKinds = codesOf(ServiceKind);
export const serviceKindLabels: Record<ServiceKind, string> = {
  advisor: '养老顾问',
  escort: '陪诊',
  counseling: '婚姻辅导',
};

export const AdvisorTopic = {
  policy: 'policy',
  home_care: 'home_care',
  renovation: 'renovation',
  family_bed: 'family_bed',
  institution: 'institution',
  other: 'other',
} as const;
export type AdvisorTopic = ValueOf<typeof AdvisorTopic>;
export const allAdvisorTopics = codesOf(AdvisorTopic);
export const advisorTopicLabels: Record<AdvisorTopic, string> = {
  policy: '养老政策',
  home_care: '居家养老上门服务',
  renovation: '适老化改造',
  family_bed: '家庭养老床位',
  institution: '机构养老',
  other: '其他',
};

export const AdvisorVisitMode = {
  station: 'station',
  home_visit: 'home_visit',
} as const;
export type AdvisorVisitMode = ValueOf<typeof AdvisorVisitMode>;
export const allAdvisorVisitModes = codesOf(AdvisorVisitMode);
export const advisorVisitModeLabels: Record<AdvisorVisitMode, string> = {
  station: '到站点咨询',
  home_visit: '上门服务',
};

export const EscortEligibility = {
  dibao: 'dibao',
  tekun: 'tekun',
  low_income: 'low_income',
  elderly_alone: 'elderly_alone',
  disabled: 'disabled',
  none: 'none',
} as const;
export type EscortEligibility = ValueOf<typeof EscortEligibility>;
export const allEscortEligibilities = codesOf(EscortEligibility);
export const escortEligibilityLabels: Record<EscortEligibility, string> = {
  dibao: '低保',
  tekun: '特困',
  low_income: '低收入',
  elderly_alone: '高龄独居',
  disabled: '残疾',
  none: '无',
};

/** What the escort should bring or arrange for the person served; `none` says so outright. */
export const MobilityAid = {
  wheelchair: 'wheelchair',
  walker: 'walker',
  cane: 'cane',
  stretcher: 'stretcher',
  none: 'none',
} as const;
export type MobilityAid = ValueOf<typeof MobilityAid>;
export const allMobilityAids = codesOf(MobilityAid);
export const mobilityAidLabels: Record<MobilityAid, string> = {
  wheelchair: '轮椅',
  walker: '助行器',
  cane: '拐杖',
  stretcher: '担架',
  none: '不需要',
};

/** The 助困关爱 plan makes escorts free for every listed hardship group; only `none` may be charged. */
export function isFreeOfCharge(category: EscortEligibility): boolean {
  return category !== EscortEligibility.none;
}

/**
 * What an escort costs, in the words shown before and after booking. The plan funds escorts for the
 * hardship groups; it sets no price for anyone else, so the app names none: others pay the 街道's
 * own escort fee, which the 街道 tells them.
 */
export const escortFeeText = {
  free: '免费（困难群体）',
  pending: '待核实：街道核实困难群体身份后免费',
  /** On the form, once a group is chosen: what follows from choosing it. */
  claimed: '困难群体免费，提交后由街道核实身份',
  rejected: '未通过核实，按所在街道的陪诊收费标准收费',
  paid: '不属于困难群体：按所在街道的陪诊收费标准收费，金额由街道告知',
  rule: '低保、特困、低收入、高龄独居、残疾人士陪诊免费，优先安排；其他居民按所在街道的陪诊收费标准收费。',
} as const;

export const CounselingFormat = {
  individual: 'individual',
  couple: 'couple',
} as const;
export type CounselingFormat = ValueOf<typeof CounselingFormat>;
export const allCounselingFormats = codesOf(CounselingFormat);
export const counselingFormatLabels: Record<CounselingFormat, string> = {
  individual: '个人',
  couple: '夫妻',
};

export const CounselingTopic = {
  premarital: 'premarital',
  adjustment: 'adjustment',
  cooling_off: 'cooling_off',
  other: 'other',
} as const;
export type CounselingTopic = ValueOf<typeof CounselingTopic>;
export const allCounselingTopics = codesOf(CounselingTopic);
export const counselingTopicLabels: Record<CounselingTopic, string> = {
  premarital: '婚前辅导',
  adjustment: '婚姻调适',
  cooling_off: '离婚冷静期辅导',
  other: '其他',
};

/**
 * Who the person served is to the booker, when booking for someone else (often a parent). `parent`
 * (父母) is kept for bookings made before 父亲 and 母亲 were told apart; the form no longer offers it.
 */
export const FamilyRelation = {
  father: 'father',
  mother: 'mother',
  parent: 'parent',
  spouse: 'spouse',
  child: 'child',
  sibling: 'sibling',
  relative: 'relative',
  neighbor: 'neighbor',
} as const;
export type FamilyRelation = ValueOf<typeof FamilyRelation>;
export const allFamilyRelations = codesOf(FamilyRelation);
export const familyRelationLabels: Record<FamilyRelation, string> = {
  father: '父亲',
  mother: '母亲',
  parent: '父母',
  spouse: '配偶',
  child: '子女',
  sibling: '兄弟姐妹',
  relative: '其他亲属',
  neighbor: '邻居/朋友',
};

/**
 * The person served of a booking staff made for a walk-in or phone caller (代办). Never a relation a
 * resident can pick (not in FamilyRelation): only the staff desk writes it.
 */
export const PROXY_RELATIONSHIP = 'proxy';
export const proxyRelationshipLabel = '工作人员代办';

/** The relations a booking form offers, in the order people look for them (父亲, 母亲 first). */
export const offeredFamilyRelations: readonly FamilyRelation[] = allFamilyRelations.filter((relation) => relation !== FamilyRelation.parent);
