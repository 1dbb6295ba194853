import { fireEvent, screen } from '@testing-library/react';
import { renderStaffPage, resetForStaffPage } from '../../../../test/manage-fixtures';
import ManageCorrectionsPage from './index';

// Under a full parallel run on a loaded machine a page's first load can take seconds.
jest.setTimeout(30_000);

beforeEach(resetForStaffPage);

const request = (volunteerId: string, name: string) => ({
  activityId: 'act-1', volunteerId, name, title: '智能手机入门课', startsAt: '2026-12-03T01:00:00.000Z', endsAt: '2026-12-03T03:00:00.000Z',
  streetId: 'st-nandajie', hours: 1, requestedHours: 2, reason: '课后帮老人设置了手机', requestedAt: '2026-12-04T01:00:00.000Z',
});

describe('volunteer staff: correction requests', () => {
  it('shows each request with the hours now and asked for; agrees with the hours asked, or not with a reason', async () => {
    let open = [request('u-a', '李老师'), request('u-b', '王师傅')];
    const decided: unknown[] = [];
    renderStaffPage(<ManageCorrectionsPage />, {
      'volunteer.pendingCorrections': () => ({ items: open }),
      'volunteer.decideCorrection': (payload) => {
        decided.push(payload);
        open = open.filter((r) => r.volunteerId !== payload.volunteerId);
        const approved = payload.decision === 'approve';
        return { activityId: 'act-1', userId: payload.volunteerId, checkInAt: '2026-12-03T01:00:00.000Z', checkOutAt: '2026-12-03T02:00:00.000Z', computedHours: 1, hours: approved ? 2 : 1, status: approved ? 'corrected' : 'confirmed' };
      },
    });
    expect(await screen.findByText('李老师：智能手机入门课', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getAllByText('现在记 1 小时，申请改为 2 小时')).toHaveLength(2);
    expect(screen.getAllByText('理由：课后帮老人设置了手机')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: '同意李老师的更正' }));
    await screen.findByText('已同意，时长已更正', {}, { timeout: 10_000 });
    expect(screen.queryByText('李老师：智能手机入门课')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '不同意王师傅的更正' }));
    fireEvent.change(screen.getByLabelText(/^不同意的原因/), { target: { value: '签退记录与现场一致' } });
    fireEvent.click(screen.getByRole('button', { name: '不同意' }));
    expect(await screen.findByText('没有等待处理的更正申请', {}, { timeout: 10_000 })).toBeTruthy();
    expect(decided).toEqual([
      { activityId: 'act-1', volunteerId: 'u-a', decision: 'approve', hours: 2 },
      { activityId: 'act-1', volunteerId: 'u-b', decision: 'reject', reason: '签退记录与现场一致' },
    ]);
  });
});
