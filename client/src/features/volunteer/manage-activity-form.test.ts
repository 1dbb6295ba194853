import { activityFieldErrors, buildSeriesInput, emptyActivityForm, firstOnWeekday, newRole, seriesDates } from './manage-activity-form';

const form = () => emptyActivityForm(new Date('2099-11-30T02:00:00.000Z'), { phone: '13900000002', communityId: 'cm-xiaoying' });

describe('the staff activity form', () => {
  it('starts tomorrow (district date) 9–11 with a teacher and two assistants, sign-up closing 2 h and withdrawal 24 h before', () => {
    expect(form()).toMatchObject({ date: '2099-12-01', startTime: '09:00', endTime: '11:00', closesHoursBefore: '2', cutoffHoursBefore: '24', contactPhone: '13900000002' });
    expect(form().roles.map((r) => [r.code, r.label, r.count])).toEqual([['lead', '主讲', '1'], ['role2', '助教', '2']]);
  });

  it('finds a series\' first session on the weekday chosen, and its last by weeks or by a date', () => {
    // 2099-12-01 is a Tuesday.
    expect(firstOnWeekday('2099-12-01', 2)).toBe('2099-12-01');
    expect(firstOnWeekday('2099-12-01', 0)).toBe('2099-12-06');
    expect(firstOnWeekday('2099-12-01', 1)).toBe('2099-12-07');
    expect(seriesDates({ ...form(), weekday: '5', weeks: '3' })).toEqual({ firstDate: '2099-12-04', lastDate: '2099-12-18' });
    expect(seriesDates({ ...form(), weekday: '5', repeat: 'until', untilDate: '2100-01-15' })).toEqual({ firstDate: '2099-12-04', lastDate: '2100-01-15' });
    expect(buildSeriesInput({ ...form(), weeks: '0' }).lastDate).toBe('');
  });

  it('gives a new role a code no other role has', () => {
    const roles = [...form().roles, { code: 'role3', label: 'x', count: '1', skills: [] }];
    expect(newRole(roles).code).toBe('role4');
    expect(newRole(form().roles.slice(0, 1)).code).toBe('role2');
  });

  it('puts the server\'s complaints at the fields people typed', () => {
    expect(
      activityFieldErrors({
        'changes.endsAt': '结束时间要晚于开始时间',
        signUpClosesAt: '报名截止要晚于报名开始',
        'roles.1.count': '人数至少 1 人',
        lastDate: '结束日期要晚于开始日期',
        communityId: '没有这个社区',
        surprise: '别的',
      }),
    ).toEqual({ endTime: '结束时间要晚于开始时间', closesHoursBefore: '报名截止要晚于报名开始', 'roles.1.count': '人数至少 1 人', weeks: '结束日期要晚于开始日期', communityId: '没有这个社区', form: '别的' });
    expect(activityFieldErrors({ lastDate: '结束日期要晚于开始日期' }, { ...form(), repeat: 'until' })).toEqual({ untilDate: '结束日期要晚于开始日期' });
  });
});
