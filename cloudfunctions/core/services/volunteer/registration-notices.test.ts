import { registrationNoticeHandler, applicationResultMessage } from './registration-notices';
import { VOLUNTEER_APPLICATION_APPROVED, VOLUNTEER_APPLICATION_REJECTED } from './registration-transitions';

const at = new Date('2026-11-30T02:00:00Z');

describe('volunteer application notices', () => {
  it('names the number when approved and the reason when not', () => {
    expect(applicationResultMessage(VOLUNTEER_APPLICATION_APPROVED, { volunteerNumber: 'ZL-2026-000007' }, at)).toMatchObject({
      title: '志愿者申请已通过',
      group: 'volunteer_status',
      fields: { status: '已通过', note: 'ZL-2026-000007' },
    });
    const rejected = applicationResultMessage(VOLUNTEER_APPLICATION_REJECTED, { reason: ' 请补充可服务时间 ' }, at);
    expect(rejected?.body).toBe('您的银龄行动志愿者申请未通过。原因：请补充可服务时间。您可以修改后重新申请。');
    expect(applicationResultMessage('something_else', {}, at)).toBeNull();
  });

  it('tells each recipient once, opening the status page, with no reminders', async () => {
    const reading = await registrationNoticeHandler().read(
      {
        _id: 'transition:va-u1-1#1',
        type: VOLUNTEER_APPLICATION_APPROVED,
        subject: { kind: 'volunteer_application', id: 'va-u1-1' },
        recipients: ['u1', 'u1'],
        payload: { volunteerNumber: 'ZL-2026-000001', decidedAt: at.toISOString() },
        at,
        processedAt: null,
      },
      at,
    );
    expect(reading.notices).toEqual([expect.objectContaining({ userId: 'u1', page: 'subpackages/volunteer/pages/status/index?applicationId=va-u1-1', startsAt: null })]);
    expect(reading.reminders).toBeNull();
    expect(await reading.outdatedTypes()).toEqual([]);
  });
});
