import { act, fireEvent, render, screen } from '@testing-library/react';
import { leavePage, resetTaroMock, setRouterParams, showAgain } from '../../../../test/taro.mock';
import { fakeHost } from '../../../../test/fake-host';
import { saveSession } from '../../../../src/api/session-store';
import { ElderModeProvider } from '../../../../src/elder/elder-mode-context';
import { clearDraft, markSlotTaken, readDraft, startDraft, updateDraft } from '../../../../src/features/booking/booking-draft';
import { addDaysToKey, districtDateKey, districtInstant, formatDateKey } from '../../../../src/format/date-time';
import { SessionProvider } from '../../../../src/session/session-context';
import SlotsPage from './index';

const counseling = { id: 'counseling' as const, name: '婚姻辅导', description: '', durationMinutes: 60, leadTimeMinutes: 120, horizonDays: 21, cancelCutoffMinutes: 240 };
const provider = { id: 'pv-counselor-1', kind: 'counseling', name: '何老师', venue: '婚姻登记处辅导室', intro: '', stationId: null };
// Days relative to today, so the calendar (which starts today) shows them.
const today = districtDateKey(new Date());
const inDays = (n: number, time: string) => districtInstant(addDaysToKey(today, n), time);
const slotAt = (startsAt: string) => ({ startsAt, endsAt: new Date(Date.parse(startsAt) + 3_600_000).toISOString(), capacity: 1, remaining: 1 });

function renderSlots() {
  return render(
    <SessionProvider>
      <ElderModeProvider>
        <SlotsPage />
      </ElderModeProvider>
    </SessionProvider>,
  );
}

beforeEach(() => {
  resetTaroMock();
  clearDraft();
  saveSession({ token: 'tok', expiresAt: '2099-01-01T00:00:00.000Z' });
});

describe('slots page', () => {
  it('comes back from a taken slot with a fresh list: the taken time neither chosen nor offered', async () => {
    const taken = inDays(2, '09:00');
    const other = inDays(2, '10:00');
    let free = [slotAt(taken), slotAt(other)];
    fakeHost({ 'catalog.slots': () => ({ provider, slots: free }) });
    startDraft(counseling, { id: provider.id, name: provider.name, venue: provider.venue });
    setRouterParams({ providerId: provider.id });
    renderSlots();

    const time = await screen.findByRole('button', { name: /上午 9:00，剩 1 位$/ });
    fireEvent.click(time);
    fireEvent.click(screen.getByRole('button', { name: '下一步：填写信息' }));
    expect(readDraft()?.slot?.startsAt).toBe(taken);

    // On to the form and the confirmation, where the server says the time went meanwhile …
    act(() => leavePage());
    free = [slotAt(other)];
    markSlotTaken(taken);
    // … and 换一个时间 leads back here.
    await act(async () => {
      showAgain();
    });

    expect(await screen.findByText(/已经被约满了，请换一个时间/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /上午 9:00，剩 1 位$/ })).toBeNull();
    expect(screen.getByRole('button', { name: /上午 10:00，剩 1 位$/ }).getAttribute('aria-pressed')).toBe('false');
    expect((screen.getByRole('button', { name: '下一步：填写信息' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('moving a booking opens on the booked day and says the session length the service has', async () => {
    const booked = inDays(5, '14:00');
    fakeHost({
      'booking.detail': () => ({
        booking: {
          id: 'bk1', service: 'counseling', status: 'confirmed', startsAt: booked, endsAt: slotAt(booked).endsAt, provider,
          details: { kind: 'counseling', format: 'individual' }, cancelDeadline: inDays(4, '20:00'),
        },
        history: [],
      }),
      'catalog.services': () => [counseling],
      'catalog.slots': () => ({ provider, slots: [slotAt(inDays(1, '09:00')), slotAt(inDays(5, '15:00'))] }),
    });
    setRouterParams({ bookingId: 'bk1' });
    renderSlots();

    expect(await screen.findByText(`${formatDateKey(addDaysToKey(today, 5))} 可约时间`)).toBeTruthy();
    expect(screen.getByText('何老师 · 每次 60 分钟')).toBeTruthy();
    expect(screen.getByText(/^现在约的是：.* 下午 2:00 – 3:00$/)).toBeTruthy();
  });

  it('keeps a slot marked taken out of the list even before the server’s list catches up', async () => {
    const taken = inDays(2, '09:00');
    fakeHost({ 'catalog.slots': () => ({ provider, slots: [slotAt(taken), slotAt(inDays(2, '10:00'))] }) });
    startDraft(counseling, { id: provider.id, name: provider.name, venue: provider.venue });
    updateDraft({ slot: slotAt(taken) });
    markSlotTaken(taken);
    setRouterParams({ providerId: provider.id });
    renderSlots();

    await screen.findByRole('button', { name: /上午 10:00，剩 1 位$/ });
    expect(screen.queryByRole('button', { name: /上午 9:00，剩 1 位$/ })).toBeNull();
  });
});
