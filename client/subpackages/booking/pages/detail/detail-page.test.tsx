import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ReactElement } from 'react';
import { resetTaroMock, setRouterParams } from '../../../../test/taro.mock';
import { failWith, fakeHost } from '../../../../test/fake-host';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { SessionProvider } from '../../../../src/session/session-context';
import BookingResultPage from '../result/index';
import BookingDetailPage from './index';

const escortBooking = {
  id: 'bk-escort', service: 'escort', status: 'requested', startsAt: '2027-12-07T01:00:00.000Z', endsAt: '2027-12-07T05:00:00.000Z',
  provider: null, streetId: 'st-nandajie', forFamily: { name: '张建国', phone: '13900001111', relationship: 'father' }, contactPhone: '13800000001',
  details: { kind: 'escort', hospital: '市一院', department: '心内科', pickupAddress: '小营前 12 号', mobilityAids: [], eligibility: 'dibao', streetId: 'st-nandajie' },
  freeOfCharge: true, cancelDeadline: '2027-12-06T12:00:00.000Z',
};
const claimed = { ...escortBooking, status: 'confirmed', provider: { id: 'pv-escort-1', name: '钱师傅', venue: '区陪诊服务队', phone: '13500000001' } };

function renderPage(page: ReactElement) {
  return render(
    <SessionProvider>
      <ElderModeProvider>{page}</ElderModeProvider>
    </SessionProvider>,
  );
}

beforeEach(() => {
  resetTaroMock();
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
});

describe('result page', () => {
  it('says an escort request waits for an escort to take it, not for "对方"', async () => {
    fakeHost({ 'booking.detail': () => ({ booking: escortBooking, history: [] }) });
    setRouterParams({ bookingId: 'bk-escort' });
    renderPage(<BookingResultPage />);

    expect(await screen.findByText('正在等待陪诊员接单，有人接单后会通知您。')).toBeTruthy();
    expect(document.body.textContent).not.toContain('等待对方确认');
  });
});

describe('booking detail', () => {
  it('has a title, and once an escort took the job, a button that calls them', async () => {
    fakeHost({ 'booking.detail': () => ({ booking: claimed, history: [] }) });
    setRouterParams({ bookingId: 'bk-escort' });
    renderPage(<BookingDetailPage />);

    expect(screen.getByText('预约详情')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: '打电话给陪诊员钱师傅 13500000001' }));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13500000001' });
    // Escorts are not moved: the deadline speaks of cancelling only, at 20:00 the evening before.
    expect(screen.getByText('12月6日 周一 晚上 8:00 前可以取消')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '改期' })).toBeNull();
    expect(screen.getByText('张建国（父亲）')).toBeTruthy();
    expect(screen.getByText('13900001111')).toBeTruthy();
  });

  it('draws its buttons from what the server allows: a request past the cut-off may still be moved', async () => {
    // The server moves a request nobody accepted yet at any time; only a confirmed booking has a cut-off.
    const request = {
      ...escortBooking, id: 'bk-advisor', service: 'advisor', provider: { id: 'pv-1', name: '李顾问', venue: '小营前站' }, forFamily: null,
      details: { kind: 'advisor', topic: 'policy', visitMode: 'station' }, cancelDeadline: '2020-01-01T00:00:00.000Z', allowedActions: ['cancel', 'reschedule'],
    };
    fakeHost({ 'booking.detail': () => ({ booking: request, history: [] }) });
    setRouterParams({ bookingId: 'bk-advisor' });
    renderPage(<BookingDetailPage />);

    fireEvent.click(await screen.findByRole('button', { name: '改期' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/booking/pages/slots/index?bookingId=bk-advisor' });
    expect(screen.getByRole('button', { name: '取消预约' })).toBeTruthy();
  });

  it('shows no cancel or move when the server allows neither, whatever the deadline on the page says', async () => {
    const confirmed = { ...claimed, cancelDeadline: '2099-01-01T00:00:00.000Z', allowedActions: [] };
    fakeHost({ 'booking.detail': () => ({ booking: confirmed, history: [] }) });
    setRouterParams({ bookingId: 'bk-escort' });
    renderPage(<BookingDetailPage />);

    expect(await screen.findByText('陪诊员：钱师傅')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '取消预约' })).toBeNull();
    expect(screen.queryByRole('button', { name: '改期' })).toBeNull();
  });

  it('offers the next step on a booking that is over: book again, or the list', async () => {
    fakeHost({ 'booking.detail': () => ({ booking: { ...escortBooking, status: 'cancelled' }, history: [] }) });
    setRouterParams({ bookingId: 'bk-escort' });
    renderPage(<BookingDetailPage />);

    fireEvent.click(await screen.findByRole('button', { name: '再约一次陪诊服务' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/booking/pages/form/index?service=escort' });
    fireEvent.click(screen.getByRole('button', { name: '查看我的预约' }));
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/subpackages/booking/pages/mine/index' });
  });

  it('with a wrong id says so and offers the way on', async () => {
    fakeHost({ 'booking.detail': () => failWith('NOT_FOUND', '没有找到这条记录。', 404) });
    setRouterParams({ bookingId: 'bk-nope' });
    renderPage(<BookingDetailPage />);

    expect(await screen.findByText('没有找到这条记录。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '查看我的预约' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '回到首页' })).toBeTruthy();
  });

  it('without an id asks nothing of the server and shows no form message', async () => {
    const host = fakeHost({});
    setRouterParams({});
    renderPage(<BookingDetailPage />);

    expect(await screen.findByText(/没有说明要看哪个预约/)).toBeTruthy();
    expect(host.calls).not.toContain('booking.detail');
    expect(document.body.textContent).not.toMatch(/格式不对|填写的内容有误/);
  });
});
