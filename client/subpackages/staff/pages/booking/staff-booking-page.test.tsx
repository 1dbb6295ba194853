import { fireEvent, render, screen } from '@testing-library/react';
import { resetTaroMock, setRouterParams } from '../../../../test/taro.mock';
import { demoUser, fakeHost } from '../../../../test/fake-host';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { SessionProvider } from '../../../../src/session/session-context';
import StaffBookingPage from './index';

const staff = { ...demoUser, name: '陈干事', roles: ['staff'], staffStreetId: 'st-nandajie' };
const booking = {
  id: 'bk-a', service: 'escort', status: 'requested', startsAt: '2099-12-03T01:00:00.000Z', endsAt: '2099-12-03T05:00:00.000Z', provider: null,
  streetId: 'st-nandajie', contactPhone: '13811112222', bookerName: '王阿姨', cancelDeadline: '2099-12-02T01:00:00.000Z',
  details: { kind: 'escort', hospital: '常州市第一人民医院', department: '心内科', pickupAddress: '小营前 12 号', mobilityAids: [], eligibility: 'tekun' },
  allowedActions: ['assign', 'verify_eligibility'], freeOfCharge: false, eligibilityCheck: { status: 'pending', statusLabel: '待核实', reason: null },
};

function open(replies: Record<string, (payload: Record<string, unknown>) => unknown>) {
  fakeHost({ 'user.me': () => staff, ...replies });
  setRouterParams({ bookingId: 'bk-a' });
  render(
    <SessionProvider>
      <ElderModeProvider>
        <StaffBookingPage />
      </ElderModeProvider>
    </SessionProvider>,
  );
}

beforeEach(() => {
  resetTaroMock();
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
});

describe('staff booking page', () => {
  it('shows the booking in full with the claim to check, and a rejection needs a reason the resident reads', async () => {
    const decided: Record<string, unknown>[] = [];
    let current: Record<string, unknown> = booking;
    open({
      'staff.streetBooking': () => ({ booking: current, history: [] }),
      'staff.reviewEligibility': (payload) => {
        decided.push(payload);
        current = { ...booking, allowedActions: ['assign'], eligibilityCheck: { status: 'rejected', statusLabel: '未通过核实', reason: String(payload.reason) } };
        return current;
      },
    });
    expect(await screen.findByText('13811112222')).toBeTruthy();
    expect(screen.getByText('困难群体身份待核实：特困')).toBeTruthy();
    expect(screen.getByText('待核实：街道核实困难群体身份后免费')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '不通过' }));
    fireEvent.click(await screen.findByRole('button', { name: '确认不通过' }));
    expect(await screen.findByText(/请填写不通过的原因/)).toBeTruthy();
    expect(decided).toEqual([]);
    fireEvent.input(screen.getByLabelText(/不通过的原因/), { target: { value: '特困证明已过期' } });
    fireEvent.click(screen.getByRole('button', { name: '确认不通过' }));
    expect(await screen.findByText(/未通过核实.*特困证明已过期/)).toBeTruthy();
    expect(decided).toEqual([{ bookingId: 'bk-a', verdict: 'rejected', reason: '特困证明已过期' }]);
    expect(screen.queryByText(/困难群体身份待核实/)).toBeNull();
  });
});
