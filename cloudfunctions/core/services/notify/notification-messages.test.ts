import { counselingTopicLabels } from '../../../../shared/domain/service-kinds';
import { eventMessage, reminderMessage } from './notification-messages';

const startsAt = new Date('2026-12-01T01:00:00.000Z');

describe('notification messages', () => {
  it('tells the resident a confirmation in plain Chinese with the Shanghai time', () => {
    const message = eventMessage({ type: 'booking_accept', audience: 'resident', service: 'advisor', startsAt });
    expect(message).toMatchObject({ title: '预约已确认', body: '您预约的养老顾问已确认：12月1日 周二 上午 9:00', group: 'booking_status' });
    expect(message.fields).toMatchObject({ service: '养老顾问', status: '已确认', time: startsAt });
  });

  it('writes times as the app does: 上午 8:30, never 08:30', () => {
    const early = new Date('2026-12-01T00:30:00.000Z');
    expect(reminderMessage({ audience: 'resident', service: 'escort', startsAt: early, offset: '24h', place: '市一院' }).body).toBe(
      '您预约的陪诊将在 12月1日 周二 上午 8:30 开始（市一院），请按时到场。',
    );
    expect(eventMessage({ type: 'booking_claim', audience: 'resident', service: 'escort', startsAt: early }).body).not.toMatch(/\b0\d:\d\d/);
  });

  it('gives the decline reason to the resident', () => {
    const message = eventMessage({ type: 'booking_decline', audience: 'resident', service: 'advisor', startsAt, reason: '当天外出培训' });
    expect(message.body).toBe('您预约的养老顾问（12月1日 周二 上午 9:00）未被接受。原因：当天外出培训');
    expect(message.fields.note).toBe('当天外出培训');
  });

  it('sends a new request to the provider on the new-request template', () => {
    const message = eventMessage({ type: 'booking_requested', audience: 'provider', service: 'escort', startsAt });
    expect(message).toMatchObject({ title: '新的预约申请', group: 'new_request' });
  });

  it('offers an open escort request to the escorts of the 街道: time and hospital, on the new-request template', () => {
    const message = eventMessage({ type: 'escort_request_open', audience: 'escort_pool', service: 'escort', startsAt, place: '常州市第一人民医院' });
    expect(message).toMatchObject({ title: '新的陪诊请求', body: '有一个陪诊请求等待接单：12月1日 周二 上午 9:00，常州市第一人民医院。', group: 'new_request' });
    expect(message.fields).toMatchObject({ service: '陪诊', status: '待接单', note: '点击查看并接单', place: '常州市第一人民医院' });
  });

  it('passes no reassignment reason on: it is staff’s note about a colleague', () => {
    const message = eventMessage({ type: 'booking_reassign', audience: 'resident', service: 'escort', startsAt, reason: '钱师傅临时住院' });
    expect(JSON.stringify(message)).not.toContain('住院');
  });

  it('tells an escort whose job was reassigned that they need not go', () => {
    expect(eventMessage({ type: 'booking_reassign', audience: 'former_provider', service: 'escort', startsAt }).body).toContain('您无需前往');
  });

  it('has a plain fallback for an event type it does not know', () => {
    expect(eventMessage({ type: 'booking_something_new', audience: 'resident', service: 'advisor', startsAt }).title).toBe('预约有更新');
  });

  it('never names a counseling topic, reason or place, and calls it only 预约服务 on WeChat', () => {
    for (const type of ['booking_requested', 'booking_accept', 'booking_decline', 'booking_cancel', 'booking_reschedule']) {
      for (const audience of ['resident', 'provider'] as const) {
        const message = eventMessage({ type, audience, service: 'counseling', startsAt, reason: '离婚冷静期辅导', place: '婚姻登记处' });
        const text = JSON.stringify(message);
        for (const label of Object.values(counselingTopicLabels).filter((l) => l !== '其他')) expect(text).not.toContain(label);
        expect(text).not.toContain('婚姻登记处');
        expect(message.fields.service).toBe('预约服务');
      }
    }
    const reminder = reminderMessage({ audience: 'resident', service: 'counseling', startsAt, place: '婚姻登记处', offset: '2h' });
    expect(JSON.stringify(reminder)).not.toContain('婚姻登记处');
    expect(reminder.fields.service).toBe('预约服务');
  });

  it('reminds the escort where to go', () => {
    const reminder = reminderMessage({ audience: 'provider', service: 'escort', startsAt, place: '常州市第一人民医院', offset: '24h' });
    expect(reminder).toMatchObject({ title: '服务提醒', group: 'booking_reminder' });
    expect(reminder.body).toContain('常州市第一人民医院');
    expect(reminder.fields.place).toBe('常州市第一人民医院');
  });
});
