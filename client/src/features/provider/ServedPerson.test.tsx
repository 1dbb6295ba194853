import { render, screen } from '@testing-library/react';
import { bookingViewSchema } from '../../api/views.schema';
import { ServedPerson } from './ServedPerson';

const view = (fields: Record<string, unknown>) =>
  bookingViewSchema.parse({
    id: 'bk1',
    service: 'escort',
    status: 'confirmed',
    startsAt: '2026-12-03T02:00:00.000Z',
    endsAt: '2026-12-03T06:00:00.000Z',
    cancelDeadline: '2026-12-03T00:00:00.000Z',
    details: { kind: 'escort', hospital: '常州市第二人民医院' },
    ...fields,
  });

describe('ServedPerson', () => {
  it('names the family member, the booker as contact and the companion, each with a call button', () => {
    const booking = view({
      bookerName: '李大爷',
      contactPhone: '13800000002',
      forFamily: { name: '李秀兰', phone: '137 2222 4444', relationship: 'parent' },
      details: { kind: 'escort', companionPhone: '13911113333' },
    });
    const { container } = render(<ServedPerson booking={booking} />);
    expect(screen.getByText('李秀兰（预约人的父母）')).toBeTruthy();
    expect(screen.getByText('李大爷')).toBeTruthy();
    const calls = Array.from(container.querySelectorAll('a')).map((a) => [a.getAttribute('href'), a.textContent]);
    expect(calls).toEqual([
      ['tel:13722224444', '☎拨打 13722224444'],
      ['tel:13800000002', '☎拨打 13800000002'],
      ['tel:13911113333', '☎拨打 13911113333'],
    ]);
    // The accessible name starts with what is seen, then says whom it reaches.
    expect(container.querySelector('a')!.getAttribute('aria-label')).toBe('拨打 13722224444 李秀兰（预约人的父母）');
  });

  it('shows the resident who booked for themself, and masked numbers as text that cannot be dialled', () => {
    const { container } = render(<ServedPerson booking={view({ bookerName: '李**', contactPhone: '138****0002' })} />);
    expect(screen.getByText('李**（本人预约）')).toBeTruthy();
    expect(screen.getByText('138****0002')).toBeTruthy();
    expect(container.querySelectorAll('a')).toHaveLength(0);
  });

  it('says so when the resident left no name', () => {
    render(<ServedPerson booking={view({ bookerName: null, contactPhone: '13800000002' })} />);
    expect(screen.getByText('本人预约（未留姓名）')).toBeTruthy();
  });
});
