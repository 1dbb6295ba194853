import {
  advisorTopicLabels,
  advisorVisitModeLabels,
  allAdvisorTopics,
  allEscortEligibilities,
  allMobilityAids,
  allServiceKinds,
  counselingFormatLabels,
  counselingTopicLabels,
  escortEligibilityLabels,
  familyRelationLabels,
  mobilityAidLabels,
  isFreeOfCharge,
  serviceKindLabels,
} from './service-kinds';

describe('service kinds', () => {
  it('labels the three services', () => {
    expect(allServiceKinds).toEqual(['advisor', 'escort', 'counseling']);
    expect(serviceKindLabels).toEqual({ advisor: '养老顾问', escort: '陪诊', counseling: '婚姻辅导' });
  });
});

describe('code tables', () => {
  it('labels advisor topics and visit modes', () => {
    expect(allAdvisorTopics).toEqual(['policy', 'home_care', 'renovation', 'family_bed', 'institution', 'other']);
    expect(advisorTopicLabels).toEqual({
      policy: '养老政策',
      home_care: '居家养老上门服务',
      renovation: '适老化改造',
      family_bed: '家庭养老床位',
      institution: '机构养老',
      other: '其他',
    });
    expect(Object.keys(advisorVisitModeLabels)).toEqual(['station', 'home_visit']);
  });

  it('labels escort eligibility categories', () => {
    expect(escortEligibilityLabels).toEqual({
      dibao: '低保',
      tekun: '特困',
      low_income: '低收入',
      elderly_alone: '高龄独居',
      disabled: '残疾',
      none: '无',
    });
  });

  it('labels mobility aids', () => {
    expect(allMobilityAids).toEqual(['wheelchair', 'walker', 'cane', 'stretcher', 'none']);
    expect(mobilityAidLabels).toEqual({ wheelchair: '轮椅', walker: '助行器', cane: '拐杖', stretcher: '担架', none: '不需要' });
  });

  it('labels counseling formats and topics', () => {
    expect(counselingFormatLabels).toEqual({ individual: '个人', couple: '夫妻' });
    expect(counselingTopicLabels).toEqual({
      premarital: '婚前辅导',
      adjustment: '婚姻调适',
      cooling_off: '离婚冷静期辅导',
      other: '其他',
    });
  });

  it('labels family relations', () => {
    expect(familyRelationLabels).toEqual({
      father: '父亲',
      mother: '母亲',
      parent: '父母',
      spouse: '配偶',
      child: '子女',
      sibling: '兄弟姐妹',
      relative: '其他亲属',
      neighbor: '邻居/朋友',
    });
  });
});

describe('isFreeOfCharge', () => {
  it('is free for every hardship group and only for them', () => {
    expect(allEscortEligibilities.filter(isFreeOfCharge)).toEqual(['dibao', 'tekun', 'low_income', 'elderly_alone', 'disabled']);
    expect(isFreeOfCharge('none')).toBe(false);
  });
});
