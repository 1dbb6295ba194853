import {
  ACTIVE_BOOKING_STATUSES,
  allBookingStatuses,
  bookingStatusLabels,
  cancellationDeadline,
  checkTransition,
  isActiveStatus,
  targetOfAction,
  transitionsFor,
  type BookingActor,
  type BookingStatus,
  type TransitionInput,
} from './booking-lifecycle';

const actors: BookingActor[] = ['resident', 'provider', 'staff', 'admin', 'system'];

// The rules restated independently of the module's table, so a slip in the table fails here.
// For each allowed transition: which actors may make it, and whether they must give a reason.
const spec: Record<string, Partial<Record<BookingActor, 'reason' | 'free'>>> = {
  'requested>confirmed': { provider: 'free', staff: 'free', admin: 'free' },
  'requested>declined': { provider: 'reason', staff: 'reason', admin: 'reason' },
  'requested>expired': { system: 'free' },
  'requested>cancelled': { resident: 'free', staff: 'reason', admin: 'reason' },
  'confirmed>completed': { provider: 'free' },
  'confirmed>no_show': { provider: 'free', staff: 'free' },
  'confirmed>cancelled': { resident: 'free', provider: 'reason', staff: 'reason', admin: 'reason' },
};

const now = new Date('2025-09-22T00:00:00Z');
const farStart = new Date('2025-09-30T01:00:00Z'); // well before any cut-off

const attempt = (overrides: Partial<TransitionInput> & Pick<TransitionInput, 'from' | 'to' | 'actor'>) =>
  checkTransition({ startsAt: farStart, now, cancelCutoffMinutes: 24 * 60, ...overrides });

describe('statuses', () => {
  it('labels every status in Chinese', () => {
    expect(bookingStatusLabels).toEqual({
      requested: '待确认',
      confirmed: '已确认',
      declined: '已拒绝',
      expired: '已过期',
      cancelled: '已取消',
      completed: '已完成',
      no_show: '爽约',
    });
  });

  it('treats only requested and confirmed as holding a seat', () => {
    expect([...ACTIVE_BOOKING_STATUSES]).toEqual(['requested', 'confirmed']);
    expect(allBookingStatuses.filter(isActiveStatus)).toEqual(['requested', 'confirmed']);
  });
});

describe('checkTransition matrix', () => {
  const cases: [BookingStatus, BookingStatus, BookingActor, string][] = [];
  for (const from of allBookingStatuses) {
    for (const to of allBookingStatuses) {
      for (const actor of actors) {
        const allowed = spec[`${from}>${to}`];
        const expected = !allowed ? 'CONFLICT' : allowed[actor] ? 'ok' : 'FORBIDDEN';
        cases.push([from, to, actor, expected]);
      }
    }
  }

  it.each(cases)('%s → %s by %s: %s', (from, to, actor, expected) => {
    const result = attempt({ from, to, actor, reason: '临时有事' });
    expect(result.ok ? 'ok' : result.code).toBe(expected);
  });

  it('covers all 7 × 7 × 5 combinations', () => {
    expect(cases).toHaveLength(245);
    expect(cases.filter(([, , , expected]) => expected === 'ok')).toHaveLength(17);
  });
});

describe('checkTransition reasons and notes', () => {
  const needingReason = Object.entries(spec).flatMap(([pair, byActor]) =>
    Object.entries(byActor)
      .filter(([, need]) => need === 'reason')
      .map(([actor]) => [...(pair.split('>') as [BookingStatus, BookingStatus]), actor as BookingActor] as const),
  );

  it.each(needingReason)('%s → %s by %s needs a reason', (from, to, actor) => {
    for (const reason of [undefined, null, '', '   ']) {
      expect(attempt({ from, to, actor, reason })).toEqual({ ok: false, code: 'VALIDATION_FAILED', field: 'reason' });
    }
    expect(attempt({ from, to, actor, reason: '顾问生病' })).toEqual({ ok: true });
  });

  it('lets the resident cancel and the provider accept without a reason', () => {
    expect(attempt({ from: 'requested', to: 'cancelled', actor: 'resident' })).toEqual({ ok: true });
    expect(attempt({ from: 'confirmed', to: 'cancelled', actor: 'resident' })).toEqual({ ok: true });
    expect(attempt({ from: 'requested', to: 'confirmed', actor: 'provider' })).toEqual({ ok: true });
  });

  it('accepts notes only when completing', () => {
    expect(attempt({ from: 'confirmed', to: 'completed', actor: 'provider', notes: '已讲解适老化改造补贴' })).toEqual({
      ok: true,
    });
    expect(attempt({ from: 'confirmed', to: 'no_show', actor: 'provider', notes: '未到' })).toEqual({
      ok: false,
      code: 'VALIDATION_FAILED',
      field: 'notes',
    });
    expect(attempt({ from: 'confirmed', to: 'no_show', actor: 'provider', notes: ' ' })).toEqual({ ok: true });
  });

  it('reports a stale state before a missing right', () => {
    expect(attempt({ from: 'cancelled', to: 'cancelled', actor: 'resident' })).toEqual({ ok: false, code: 'CONFLICT' });
    expect(attempt({ from: 'completed', to: 'confirmed', actor: 'resident' })).toEqual({ ok: false, code: 'CONFLICT' });
    expect(attempt({ from: 'requested', to: 'confirmed', actor: 'resident' })).toEqual({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('cancellation cut-off', () => {
  const startsAt = new Date('2025-09-23T01:00:00Z'); // Tue 09:00 Shanghai
  const cutoff = 24 * 60;
  const deadline = new Date('2025-09-22T01:00:00Z');
  const cancel = (actor: BookingActor, at: Date, reason?: string) =>
    checkTransition({ from: 'confirmed', to: 'cancelled', actor, reason, startsAt, now: at, cancelCutoffMinutes: cutoff });

  it('puts the deadline cutoffMinutes before the start', () => {
    expect(cancellationDeadline(startsAt, cutoff)).toEqual(deadline);
    expect(cancellationDeadline(startsAt, 0)).toEqual(startsAt);
    expect(cancellationDeadline(startsAt, 90)).toEqual(new Date('2025-09-22T23:30:00Z'));
  });

  it('lets the resident cancel a confirmed booking until just before the deadline', () => {
    expect(cancel('resident', new Date(deadline.getTime() - 1))).toEqual({ ok: true });
  });

  it('refuses the resident exactly at the deadline and after it', () => {
    expect(cancel('resident', deadline)).toEqual({ ok: false, code: 'CUTOFF_PASSED' });
    expect(cancel('resident', new Date('2025-09-23T02:00:00Z'))).toEqual({ ok: false, code: 'CUTOFF_PASSED' });
  });

  it('does not apply the cut-off to a request that was never confirmed', () => {
    expect(
      checkTransition({ from: 'requested', to: 'cancelled', actor: 'resident', startsAt, now: deadline, cancelCutoffMinutes: cutoff }),
    ).toEqual({ ok: true });
  });

  it('lets provider, staff and admin cancel after the deadline with a reason', () => {
    for (const actor of ['provider', 'staff', 'admin'] as const) {
      expect(cancel(actor, new Date('2025-09-23T00:59:00Z'), '站点临时停电')).toEqual({ ok: true });
      expect(cancel(actor, new Date('2025-09-23T00:59:00Z'))).toEqual({ ok: false, code: 'VALIDATION_FAILED', field: 'reason' });
    }
  });
});

describe('action helpers', () => {
  it('maps actions to target statuses per current status', () => {
    expect(targetOfAction('requested', 'accept')).toBe('confirmed');
    expect(targetOfAction('requested', 'cancel')).toBe('cancelled');
    expect(targetOfAction('confirmed', 'cancel')).toBe('cancelled');
    expect(targetOfAction('confirmed', 'mark_no_show')).toBe('no_show');
    expect(targetOfAction('confirmed', 'accept')).toBeUndefined();
    expect(targetOfAction('cancelled', 'cancel')).toBeUndefined();
  });

  it('lists what an actor may attempt from a status', () => {
    expect(transitionsFor('requested', 'provider').map((rule) => rule.action)).toEqual(['accept', 'decline']);
    expect(transitionsFor('confirmed', 'resident').map((rule) => rule.action)).toEqual(['cancel']);
    expect(transitionsFor('confirmed', 'staff').map((rule) => rule.action)).toEqual(['mark_no_show', 'cancel']);
    expect(transitionsFor('requested', 'system').map((rule) => rule.action)).toEqual(['expire']);
    expect(transitionsFor('completed', 'admin')).toEqual([]);
  });
});
