import { render, screen } from '@testing-library/react';
import { resetTaroMock, setRouterParams } from '../../../../test/taro.mock';
import { demoUser, fakeHost } from '../../../../test/fake-host';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { SessionProvider } from '../../../../src/session/session-context';
import ProviderCasePage from './index';

// A confirmed advisor booking that has started (the appointment was in 2020).
const started = {
  id: 'bk-1', service: 'advisor', status: 'confirmed', startsAt: '2020-12-01T01:00:00.000Z', endsAt: '2020-12-01T01:30:00.000Z',
  provider: { id: 'pv-1', name: '刘顾问', venue: '小营前站' }, streetId: 'st-nandajie', contactPhone: '13800000001',
  details: { kind: 'advisor', topic: 'policy', visitMode: 'station' }, cancelDeadline: '2020-11-30T23:00:00.000Z',
};

function open(booking: Record<string, unknown>, roles: string[]) {
  fakeHost({ 'user.me': () => ({ ...demoUser, roles }), 'booking.detail': () => ({ booking, history: [] }) });
  setRouterParams({ bookingId: 'bk-1' });
  render(
    <SessionProvider>
      <ElderModeProvider>
        <ProviderCasePage />
      </ElderModeProvider>
    </SessionProvider>,
  );
}

beforeEach(() => {
  resetTaroMock();
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
});

describe('provider case page', () => {
  it('offers its provider the record of the service and the no-show, as the server allows them', async () => {
    open({ ...started, allowedActions: ['complete', 'no_show', 'cancel'] }, ['resident', 'advisor']);
    expect(await screen.findByRole('button', { name: '服务完成' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '对方没来（爽约）' })).toBeTruthy();
  });

  it('offers staff the no-show but not the record of a service they did not give', async () => {
    open({ ...started, allowedActions: ['no_show', 'cancel'] }, ['resident', 'staff']);
    expect(await screen.findByRole('button', { name: '对方没来（爽约）' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '服务完成' })).toBeNull();
  });

  it('offers no accept on an escort request nobody took (it is claimed or assigned)', async () => {
    const request = { ...started, service: 'escort', status: 'requested', provider: null, startsAt: '2099-12-01T01:00:00.000Z',
      details: { kind: 'escort', hospital: '市一院', department: '心内科', pickupAddress: '小营前 12 号', mobilityAids: [], eligibility: 'dibao' },
      allowedActions: ['decline', 'cancel', 'assign'] };
    open(request, ['resident', 'staff']);
    expect(await screen.findByRole('button', { name: '拒绝' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '接受预约' })).toBeNull();
  });
});
