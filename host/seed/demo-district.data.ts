import type { Role } from '../../shared/domain/roles';
import type { WeeklyRule } from '../../shared/domain/availability';
import type { ServiceKind } from '../../shared/domain/service-kinds';
import type { ServiceDoc } from '../../cloudfunctions/core/repositories/catalog.repository';

/** The demo district: a slice of 钟楼区 with made-up people. Fixed ids keep the seed idempotent. */
export const demoStreets = [
  { _id: 'st-nandajie', name: '南大街街道', escortDailyCapacity: 6 },
  { _id: 'st-hehuachi', name: '荷花池街道', escortDailyCapacity: 4 },
  { _id: 'st-wuxing', name: '五星街道', escortDailyCapacity: 4 },
];

export const demoCommunities = [
  { _id: 'cm-xiaoying', streetId: 'st-nandajie', name: '小营前社区' },
  { _id: 'cm-shuangguiping', streetId: 'st-nandajie', name: '双桂坊社区' },
  { _id: 'cm-hehua', streetId: 'st-hehuachi', name: '荷花池社区' },
  { _id: 'cm-qingtan', streetId: 'st-hehuachi', name: '清潭社区' },
  { _id: 'cm-wuxing', streetId: 'st-wuxing', name: '五星社区' },
  { _id: 'cm-yonghong', streetId: 'st-wuxing', name: '永红社区' },
];

export const demoServices: ServiceDoc[] = [
  {
    _id: 'advisor',
    kind: 'advisor',
    name: '养老顾问',
    description: '养老政策、上门服务、适老化改造、家庭养老床位、选机构，都可以问。',
    durationMinutes: 30,
    leadTimeMinutes: 60,
    horizonDays: 14,
    cancelCutoffMinutes: 120,
    requiresAcceptance: true,
    acceptWindowMinutes: 24 * 60,
  },
  {
    _id: 'escort',
    kind: 'escort',
    name: '陪诊服务',
    description: '行动不便、独居高龄、听不懂方言，陪诊员陪您去医院。低保、特困等家庭免费。',
    durationMinutes: 240,
    leadTimeMinutes: 12 * 60,
    horizonDays: 14,
    cancelCutoffMinutes: 6 * 60,
    requiresAcceptance: true,
    acceptWindowMinutes: 12 * 60,
  },
  {
    _id: 'counseling',
    kind: 'counseling',
    name: '婚姻辅导',
    description: '婚前辅导、婚姻调适、离婚冷静期辅导。内容严格保密。',
    durationMinutes: 60,
    leadTimeMinutes: 120,
    horizonDays: 21,
    cancelCutoffMinutes: 240,
    requiresAcceptance: true,
    acceptWindowMinutes: 24 * 60,
  },
];

/** 2026 法定节假日 and 调休 workdays, plus 2027 元旦; staff keep this up to date as data. */
export const demoCalendar = {
  holidays: [
    '2026-01-01', '2026-01-02', '2026-01-03',
    '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
    '2026-04-04', '2026-04-05', '2026-04-06',
    '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05',
    '2026-06-19', '2026-06-20', '2026-06-21',
    '2026-09-25', '2026-09-26', '2026-09-27',
    '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
    '2027-01-01',
  ],
  workdays: [
    { date: '2026-01-04', followsWeekday: 5 },
    { date: '2026-02-14', followsWeekday: 1 },
    { date: '2026-02-28', followsWeekday: 1 },
    { date: '2026-05-09', followsWeekday: 1 },
    { date: '2026-09-20', followsWeekday: 1 },
    { date: '2026-10-10', followsWeekday: 5 },
  ],
};

/** Advisors: weekdays 09:00–11:30 and 14:00–17:00 in 30-minute slots; counselors: 60-minute sessions. */
export function demoWeeklyRules(kind: 'advisor' | 'counseling'): WeeklyRule[] {
  const ranges =
    kind === 'advisor'
      ? [{ start: '09:00', end: '11:30', slotMinutes: 30, capacity: 1, bufferMinutes: 0 }, { start: '14:00', end: '17:00', slotMinutes: 30, capacity: 1, bufferMinutes: 0 }]
      : [{ start: '09:00', end: '12:00', slotMinutes: 60, capacity: 1, bufferMinutes: 0 }, { start: '14:00', end: '17:00', slotMinutes: 60, capacity: 1, bufferMinutes: 0 }];
  return [1, 2, 3, 4, 5].flatMap((weekday) => ranges.map((range) => ({ weekday, ...range })));
}

export type DemoPerson = {
  openid: string;
  name: string;
  phone: string;
  roles: Role[];
  communityId: string | null;
  staffStreetId?: string;
  provider?: { id: string; kind: ServiceKind; stationId: string | null; streetId: string | null; venue: string; intro: string };
};

const station = (communityId: string) => `sn-${communityId.slice(3)}`;

export const demoStations = demoCommunities.map((community, index) => ({
  _id: station(community._id),
  communityId: community._id,
  streetId: community.streetId,
  name: `${community.name}养老顾问站`,
  address: `钟楼区${community.name}服务中心一楼 10${index + 1} 室`,
  hours: '周一至周五 9:00-11:30，14:00-17:00',
  phone: `0519-8866${String(1001 + index)}`,
}));

export const demoPeople: DemoPerson[] = [
  { openid: 'demo-admin', name: '周主任', phone: '13900000001', roles: ['admin'], communityId: null },
  { openid: 'demo-staff-1', name: '陈干事', phone: '13900000002', roles: ['staff'], communityId: 'cm-xiaoying', staffStreetId: 'st-nandajie' },
  { openid: 'demo-resident-1', name: '王阿姨', phone: '13800000001', roles: [], communityId: 'cm-xiaoying' },
  { openid: 'demo-resident-2', name: '李大爷', phone: '13800000002', roles: [], communityId: 'cm-hehua' },
  // volunteer — training: applies and is approved in seed-demo-training.ts, then teaches the smartphone class.
  { openid: 'demo-teacher', name: '孙老师', phone: '13700000020', roles: [], communityId: 'cm-xiaoying' },
  ...demoStations.map((s, index): DemoPerson => ({
    openid: `demo-advisor-${index + 1}`,
    name: ['刘顾问', '赵顾问', '孙顾问', '吴顾问', '郑顾问', '冯顾问'][index] ?? `顾问${index + 1}`,
    phone: `1370000000${index + 1}`,
    roles: ['advisor'],
    communityId: s.communityId,
    provider: { id: `pv-advisor-${index + 1}`, kind: 'advisor', stationId: s._id, streetId: s.streetId, venue: s.name, intro: '持证养老顾问，熟悉本区养老政策。' },
  })),
  ...[1, 2].map((n): DemoPerson => ({
    openid: `demo-counselor-${n}`,
    name: ['何老师', '许老师'][n - 1]!,
    phone: `1360000000${n}`,
    roles: ['counselor'],
    communityId: null,
    provider: { id: `pv-counselor-${n}`, kind: 'counseling', stationId: null, streetId: null, venue: '钟楼区婚姻登记处辅导室', intro: '国家二级心理咨询师，从事婚姻家庭辅导多年。' },
  })),
  ...[1, 2, 3].map((n): DemoPerson => ({
    openid: `demo-escort-${n}`,
    name: ['钱师傅', '马大姐', '朱老师'][n - 1]!,
    phone: `1350000000${n}`,
    roles: n === 3 ? ['escort', 'volunteer'] : ['escort'],
    communityId: null,
    provider: { id: `pv-escort-${n}`, kind: 'escort', stationId: null, streetId: null, venue: '区陪诊服务队', intro: n === 3 ? '退休教师，银龄志愿者，会说常州话。' : '专职陪诊员，熟悉区内各大医院。' },
  })),
  // volunteer — demo: they apply (and two are approved) in seed-demo-volunteers.ts; roles come from that.
  { openid: 'demo-volunteer-1', name: '蒋老师', phone: '13700000031', roles: [], communityId: 'cm-xiaoying' },
  { openid: 'demo-volunteer-2', name: '沈师傅', phone: '13700000032', roles: [], communityId: 'cm-shuangguiping' },
  { openid: 'demo-applicant', name: '刘阿姨', phone: '13700000033', roles: [], communityId: 'cm-xiaoying' },
];
