import { fireEvent, render, screen, within } from '@testing-library/react';
import { SlotCalendar, type CalendarSlot } from './SlotCalendar';

// Shanghai is UTC+8: 01:00Z is 9:00 in the morning there, 06:00Z is 2:00 in the afternoon.
const slots: CalendarSlot[] = [
  { startsAt: '2026-12-01T01:00:00.000Z', endsAt: '2026-12-01T01:30:00.000Z', remaining: 1 },
  { startsAt: '2026-12-01T01:30:00.000Z', endsAt: '2026-12-01T02:00:00.000Z', remaining: 3 },
  { startsAt: '2026-12-01T06:00:00.000Z', endsAt: '2026-12-01T06:30:00.000Z', remaining: 2 },
  { startsAt: '2026-12-03T02:00:00.000Z', endsAt: '2026-12-03T02:30:00.000Z', remaining: 1 },
];
const days = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03'];

function renderCalendar(selected: string | null = null) {
  const onSelect = jest.fn();
  const view = render(<SlotCalendar days={days} slots={slots} todayKey='2026-11-30' selected={selected} onSelect={onSelect} />);
  return { onSelect, ...view };
}

const dayButton = (text: RegExp) => screen.getAllByRole('button').find((b) => text.test(b.textContent ?? ''))!;

describe('SlotCalendar', () => {
  it('shows every day across the top with how many times are free, and days without any as 无号', () => {
    renderCalendar();

    expect(dayButton(/^今天11\/30/).textContent).toBe('今天11/30无号');
    expect(dayButton(/^明天12\/1/).textContent).toBe('明天12/1可约 3');
    expect(dayButton(/^后天12\/2/).textContent).toBe('后天12/2无号');
    expect(dayButton(/^周四12\/3/).textContent).toBe('周四12/3可约 1');
    expect((dayButton(/^今天/) as HTMLButtonElement).disabled).toBe(true);
    expect((dayButton(/^后天/) as HTMLButtonElement).disabled).toBe(true);
  });

  it('opens on the first day with free times and groups them into 上午 and 下午, each with the seats left', () => {
    renderCalendar();

    expect(dayButton(/^明天/).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('12月1日 周二 可约时间')).toBeTruthy();
    const morning = screen.getByText('上午').parentElement!;
    const afternoon = screen.getByText('下午').parentElement!;
    expect(within(morning).getAllByRole('button').map((b) => b.textContent)).toEqual(['9:00剩 1 位', '9:30剩 3 位']);
    expect(within(afternoon).getAllByRole('button').map((b) => b.textContent)).toEqual(['2:00剩 2 位']);
    // A screen reader hears the date and period with the time.
    expect(screen.getByRole('button', { name: '12月1日 周二 下午 2:00，剩 2 位' })).toBeTruthy();
  });

  it('switches day on a tap and hands the chosen slot back', () => {
    const { onSelect } = renderCalendar();

    fireEvent.click(dayButton(/^周四/));
    expect(screen.getByText('12月3日 周四 可约时间')).toBeTruthy();
    expect(screen.queryByText('9:00')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '12月3日 周四 上午 10:00，剩 1 位' }));

    expect(onSelect).toHaveBeenCalledWith(slots[3]);
  });

  it('marks the chosen time as pressed and opens on its day', () => {
    renderCalendar('2026-12-03T02:00:00.000Z');

    expect(dayButton(/^周四/).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: '12月3日 周四 上午 10:00，剩 1 位' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('leaves seats out when they do not apply (an escort appointment time)', () => {
    render(
      <SlotCalendar
        days={['2026-12-01']}
        slots={[{ startsAt: '2026-12-01T01:00:00.000Z', endsAt: '2026-12-01T05:00:00.000Z', remaining: null }]}
        todayKey='2026-11-30'
        selected={null}
        onSelect={jest.fn()}
      />,
    );

    expect(screen.getByRole('button', { name: '12月1日 周二 上午 9:00' }).textContent).toBe('9:00');
  });
});
