import { fireEvent, render, screen } from '@testing-library/react';
import { resetTaroMock, setRouterParams } from '../../../../test/taro.mock';
import { demoUser, fakeHost } from '../../../../test/fake-host';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { SessionProvider } from '../../../../src/session/session-context';
import DispatchPage from './index';

const staff = { ...demoUser, name: '陈干事', roles: ['staff'], staffStreetId: 'st-nandajie' };
const request = (id: string, extra: Record<string, unknown> = {}) => ({
  id, service: 'escort', status: 'requested', startsAt: '2099-12-03T01:00:00.000Z', endsAt: '2099-12-03T05:00:00.000Z', provider: null,
  streetId: 'st-nandajie', contactPhone: '138****2222', cancelDeadline: '2099-12-02T01:00:00.000Z', acceptBy: '2099-12-01T12:00:00.000Z',
  details: { kind: 'escort', hospital: '常州市第一人民医院', department: '心内科', pickupAddress: '小营前**', mobilityAids: [], eligibility: 'dibao' },
  allowedActions: ['assign', 'verify_eligibility'], eligibilityCheck: { status: 'pending', statusLabel: '待核实', reason: null }, ...extra,
});

function open(replies: Record<string, (payload: Record<string, unknown>) => unknown>, roles: Record<string, unknown> = staff) {
  const host = fakeHost({ 'user.me': () => roles, ...replies });
  render(
    <SessionProvider>
      <ElderModeProvider>
        <DispatchPage />
      </ElderModeProvider>
    </SessionProvider>,
  );
  return host;
}

beforeEach(() => {
  resetTaroMock();
  setRouterParams({});
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
});

describe('escort dispatch page', () => {
  it('marks urgent requests, unchecked claims and possible duplicates, and assigns a free escort', async () => {
    const assigned: Record<string, unknown>[] = [];
    const host = open({
      'staff.dispatchQueue': () => ({
        items: [
          { booking: request('bk-a'), urgent: true, possibleDuplicateIds: ['bk-b'] },
          { booking: request('bk-b', { eligibilityCheck: null, details: { ...request('bk-b').details, eligibility: 'none' } }), urgent: false, possibleDuplicateIds: ['bk-a'] },
        ],
      }),
      'staff.escortDay': () => ({
        date: '2099-12-03',
        escorts: [
          { providerId: 'pv-escort-1', name: '钱师傅', streetId: null, assigned: false, freeAtRequest: false, jobs: [{ startsAt: '2099-12-03T01:00:00.000Z', endsAt: '2099-12-03T05:00:00.000Z', status: 'confirmed', hospital: '市二院' }] },
          { providerId: 'pv-escort-2', name: '马大姐', streetId: 'st-nandajie', assigned: false, freeAtRequest: true, jobs: [] },
        ],
      }),
      'admin.assignEscort': (payload) => {
        assigned.push(payload);
        return { ...request('bk-a'), status: 'confirmed', provider: { id: 'pv-escort-2', name: '马大姐', venue: '' } };
      },
    });
    expect(await screen.findAllByText(/^快到期：/)).toHaveLength(1);
    expect(screen.getAllByText(/^可能重复：/)).toHaveLength(2);
    expect(screen.getByText('困难群体待核实')).toBeTruthy();

    fireEvent.click(screen.getAllByRole('button', { name: '指派' })[0]!);
    expect(await screen.findByText('这个时间已有任务')).toBeTruthy();
    // An escort busy at that time cannot be chosen: the tap does nothing.
    fireEvent.click(screen.getByRole('button', { name: '指派给钱师傅' }));
    expect(assigned).toEqual([]);
    fireEvent.click(await screen.findByRole('button', { name: '指派给马大姐' }));
    await screen.findByText('现在没有待派的陪诊请求').catch(() => undefined);
    expect(assigned).toEqual([{ bookingId: 'bk-a', providerId: 'pv-escort-2' }]);
    expect(host.calls.filter((c) => c === 'staff.dispatchQueue').length).toBeGreaterThanOrEqual(2);
  });

  it('tells a resident who reaches it by address that it is for staff', async () => {
    open({}, { ...demoUser, roles: ['resident'] });
    expect(await screen.findByText('无权限')).toBeTruthy();
  });
});
