import { demoUser } from './fake-host';

/** The people and records the stations, providers and accounts page tests share. */
export const staffOfNandajie = { ...demoUser, name: '陈干事', roles: ['staff'], staffStreetId: 'st-nandajie' };
export const districtAdmin = { ...demoUser, name: '周主任', roles: ['admin'], staffStreetId: null };

export const nandajie = {
  id: 'st-nandajie',
  name: '南大街街道',
  communities: [
    { id: 'cm-xiaoying', name: '小营前社区' },
    { id: 'cm-shuangguiping', name: '双桂坊社区' },
  ],
};
export const hehuachi = { id: 'st-hehuachi', name: '荷花池街道', communities: [{ id: 'cm-hehua', name: '荷花池社区' }] };

export const weekdaysWithLunch = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, start: '08:30', end: '11:30' },
  { weekday, start: '14:00', end: '17:00' },
]);

export const stationRecord = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  name: id === 'sn-xiaoying' ? '小营前社区养老顾问站' : '双桂坊社区养老顾问站',
  address: '钟楼区小营前社区服务中心一楼 101 室',
  hours: '周一至周五 08:30-11:30、14:00-17:00',
  phone: '0519-88661001',
  communityId: id === 'sn-xiaoying' ? 'cm-xiaoying' : 'cm-shuangguiping',
  streetId: 'st-nandajie',
  openingHours: weekdaysWithLunch,
  active: true,
  ...overrides,
});
