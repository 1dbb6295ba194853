import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroMock } from '../../../../test/taro.mock';
import { failWith, fakeHost } from '../../../../test/fake-host';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { clearDraft, lastBooked, readDraft, startDraft, updateDraft } from '../../../../src/features/booking/booking-draft';
import { emptyBookingForm } from '../../../../src/features/booking/booking-form';
import { SessionProvider } from '../../../../src/session/session-context';
import ConfirmBookingPage from './index';

const advisor = { id: 'advisor' as const, name: '养老顾问', description: '', durationMinutes: 30, leadTimeMinutes: 60, horizonDays: 14, cancelCutoffMinutes: 120 };
const escort = { id: 'escort' as const, name: '陪诊服务', description: '', durationMinutes: 240, leadTimeMinutes: 720, horizonDays: 14, cancelCutoffMinutes: 360 };
// Far ahead, so every deadline is still to come: Tuesday 2027-12-07 08:30 in Shanghai.
const early = '2027-12-07T00:30:00.000Z';
const slot = { startsAt: early, endsAt: '2027-12-07T01:00:00.000Z', remaining: 1 };

function renderConfirm() {
  return render(
    <SessionProvider>
      <ElderModeProvider>
        <ConfirmBookingPage />
      </ElderModeProvider>
    </SessionProvider>,
  );
}

function draftAdvisor() {
  startDraft(advisor, { id: 'pv-advisor-1', name: '刘顾问', venue: '小营前社区养老顾问站' });
  updateDraft({ slot, form: { ...emptyBookingForm('13800000001'), topic: 'policy' } });
}

function draftEscortForFather() {
  startDraft(escort, null);
  updateDraft({
    slot: { ...slot, remaining: null },
    form: {
      ...emptyBookingForm('13800000001'), hospital: '市一院', department: '心内科', pickupAddress: '小营前 12 号', eligibility: 'none', streetId: 'st-nandajie',
      forWhom: 'family', familyName: '张建国', familyPhone: '13900001111', familyRelationship: 'father',
    },
  });
}

beforeEach(() => {
  resetTaroMock();
  clearDraft();
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
});

describe('confirmation', () => {
  it('when the slot went meanwhile, drops it from the draft and goes back to the time list in the stack', async () => {
    fakeHost({ 'booking.create': () => failWith('SLOT_FULL', '这个时间段已经约满了，请换一个时间。') });
    (Taro.getCurrentPages as jest.Mock).mockReturnValue([
      { route: 'pages/home/index' }, { route: 'subpackages/booking/pages/choose/index' }, { route: 'subpackages/booking/pages/slots/index' },
      { route: 'subpackages/booking/pages/form/index' }, { route: 'subpackages/booking/pages/confirm/index' },
    ]);
    draftAdvisor();
    renderConfirm();

    fireEvent.click(await screen.findByRole('button', { name: '确认预约' }));
    fireEvent.click(await screen.findByRole('button', { name: '换一个时间' }));

    expect(readDraft()).toMatchObject({ slot: null, takenStartsAt: early });
    expect(Taro.navigateBack).toHaveBeenCalledWith({ delta: 2 });
  });

  it('offline: says so, and offers one button that sends it again, not two', async () => {
    fakeHost({
      'booking.create': () => {
        throw new TypeError('Failed to fetch');
      },
    });
    draftAdvisor();
    renderConfirm();

    fireEvent.click(await screen.findByRole('button', { name: '确认预约' }));

    expect(await screen.findByText(/网络连接不上/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull();
    expect(screen.getAllByRole('button').filter((b) => b.className.includes('ui-button--large'))).toHaveLength(1);
    expect(screen.getByRole('button', { name: '再试一次：确认预约' })).toBeTruthy();
  });

  it('for an escort: cancel only (no 改期), a deadline in the evening, the fee rule, and the father named as father', async () => {
    fakeHost({});
    draftEscortForFather();
    renderConfirm();

    // 08:30 minus the 6-hour cut-off would be 02:30; it is 20:00 the evening before.
    expect(await screen.findByText('12月6日 周一 晚上 8:00 前可以取消')).toBeTruthy();
    expect(document.body.textContent).not.toContain('改期');
    expect(document.body.textContent).not.toContain('凌晨');
    expect(screen.getByText('张建国（父亲）')).toBeTruthy();
    expect(screen.getByText('不属于困难群体：按所在街道的陪诊收费标准收费，金额由街道告知')).toBeTruthy();
  });

  it('after booking, remembers what was made and goes home in the stack before showing the result', async () => {
    fakeHost({ 'booking.create': () => ({ id: 'bk-1', service: 'advisor', status: 'requested', startsAt: early, endsAt: slot.endsAt, details: { kind: 'advisor' }, cancelDeadline: early }) });
    (Taro.getCurrentPages as jest.Mock).mockReturnValue([{ route: 'pages/home/index' }, {}, {}, {}, { route: 'subpackages/booking/pages/confirm/index' }]);
    draftAdvisor();
    renderConfirm();

    fireEvent.click(await screen.findByRole('button', { name: '确认预约' }));

    await screen.findByRole('button', { name: '确认预约' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(Taro.navigateBack).toHaveBeenCalledWith({ delta: 4 });
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/booking/pages/result/index?bookingId=bk-1' });
    expect(readDraft()).toBeNull();
    expect(lastBooked()?.bookingId).toBe('bk-1');
  });
});
