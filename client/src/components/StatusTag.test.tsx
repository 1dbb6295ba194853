import { render } from '@testing-library/react';
import { allBookingStatuses, bookingStatusLabels } from '../../../shared/domain/booking-lifecycle';
import { StatusTag } from './StatusTag';

describe('StatusTag', () => {
  it.each([
    ['requested', '待确认', 'ui-tag--warning'],
    ['confirmed', '已确认', 'ui-tag--success'],
    ['declined', '已拒绝', 'ui-tag--danger'],
    ['expired', '已过期', 'ui-tag--default'],
    ['cancelled', '已取消', 'ui-tag--default'],
    ['completed', '已完成', 'ui-tag--primary'],
    ['no_show', '爽约', 'ui-tag--danger'],
  ])('%s reads %s in its colour, at key-text size', (status, label, toneClass) => {
    const { container } = render(<StatusTag status={status} />);
    const tag = container.querySelector('.ui-tag')!;

    expect(tag.textContent).toBe(label);
    expect(tag.classList.contains(toneClass)).toBe(true);
    expect(tag.classList.contains('ui-tag--large')).toBe(true);
  });

  it('covers every status of the shared lifecycle with its shared label', () => {
    for (const status of allBookingStatuses) {
      const { container, unmount } = render(<StatusTag status={status} />);
      expect(container.textContent).toBe(bookingStatusLabels[status]);
      unmount();
    }
  });

  it('shows a status this client does not know yet as it came, in the neutral colour', () => {
    const { container } = render(<StatusTag status='on_hold' />);

    expect(container.textContent).toBe('on_hold');
    expect(container.querySelector('.ui-tag--default')).not.toBeNull();
  });
});
