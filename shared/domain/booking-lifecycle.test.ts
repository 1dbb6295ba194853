import {
  acceptDeadline,
  ACTIVE_BOOKING_STATUSES,
  allBookingStatuses,
  bookingStatusLabels,
  cancellationDeadline,
  checkTransition,
  isActiveStatus,
  reachedOnlyAfterStart,
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
const afterStart = new Date('2025-09-30T01:40:00Z'); // the appointment has happened
// Completing and marking a no-show are about an appointment that has started.
const startBound = new Set<BookingStatus>(['completed', 'no_show']);

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
    const result = attempt({ from, to, actor, reason: '临时有事', now: startBound.has(to) ? afterStart : now });
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
    expect(attempt({ from: 'confirmed', to: 'completed', actor: 'provider', notes: '已讲解适老化改造补贴', now: afterStart })).toEqual({
      ok: true,
    });
    expect(attempt({ from: 'confirmed', to: 'no_show', actor: 'provider', notes: '未到' })).toEqual({
      ok: false,
      code: 'VALIDATION_FAILED',
      field: 'notes',
    });
    expect(attempt({ from: 'confirmed', to: 'no_show', actor: 'provider', notes: ' ', now: afterStart })).toEqual({ ok: true });
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

  it('moves a deadline that would fall in the night back to 20:00 the evening before', () => {
    // An 08:30 escort with a 6-hour cut-off: not 02:30 that night but 20:00 the day before.
    expect(cancellationDeadline(new Date('2025-09-23T00:30:00Z'), 6 * 60)).toEqual(new Date('2025-09-22T12:00:00Z'));
    // 09:00 counseling, 4-hour cut-off: 05:00 becomes 20:00 the evening before.
    expect(cancellationDeadline(startsAt, 240)).toEqual(new Date('2025-09-22T12:00:00Z'));
    // A deadline at 21:30 the same evening also moves back to 20:00.
    expect(cancellationDeadline(new Date('2025-09-22T15:30:00Z'), 120)).toEqual(new Date('2025-09-22T12:00:00Z'));
    // 07:00 and 19:59 are daytime and stay.
    expect(cancellationDeadline(startsAt, 120)).toEqual(new Date('2025-09-22T23:00:00Z'));
    expect(cancellationDeadline(new Date('2025-09-22T13:59:00Z'), 120)).toEqual(new Date('2025-09-22T11:59:00Z'));
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

describe('completing and marking a no-show before the start', () => {
  const startsAt = new Date('2025-09-23T01:00:00Z'); // Tue 09:00 Shanghai
  const justBefore = new Date(startsAt.getTime() - 1);
  const check = (to: BookingStatus, actor: BookingActor, at: Date, extra: Partial<TransitionInput> = {}) =>
    checkTransition({ from: 'confirmed', to, actor, startsAt, now: at, cancelCutoffMinutes: 120, ...extra });

  it('refuses until the start, with NOT_STARTED', () => {
    expect(check('completed', 'provider', justBefore)).toEqual({ ok: false, code: 'NOT_STARTED' });
    expect(check('completed', 'provider', new Date('2025-09-22T01:00:00Z'), { notes: '已讲解政策' })).toEqual({ ok: false, code: 'NOT_STARTED' });
    expect(check('no_show', 'provider', justBefore)).toEqual({ ok: false, code: 'NOT_STARTED' });
    expect(check('no_show', 'staff', justBefore)).toEqual({ ok: false, code: 'NOT_STARTED' });
  });

  it('allows from the start itself on', () => {
    for (const at of [startsAt, new Date('2025-09-23T01:30:00Z'), new Date('2025-09-25T00:00:00Z')]) {
      expect(check('completed', 'provider', at)).toEqual({ ok: true });
      expect(check('no_show', 'provider', at)).toEqual({ ok: true });
      expect(check('no_show', 'staff', at)).toEqual({ ok: true });
    }
  });

  it('reports a stale state, a missing right or bad notes before the time', () => {
    expect(checkTransition({ from: 'requested', to: 'completed', actor: 'provider', startsAt, now: justBefore, cancelCutoffMinutes: 120 })).toEqual({
      ok: false,
      code: 'CONFLICT',
    });
    expect(check('completed', 'staff', justBefore)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(check('no_show', 'admin', justBefore)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(check('no_show', 'provider', justBefore, { notes: '没来' })).toEqual({ ok: false, code: 'VALIDATION_FAILED', field: 'notes' });
  });

  it('leaves the other changes free of the start', () => {
    expect(check('cancelled', 'provider', justBefore, { reason: '顾问生病' })).toEqual({ ok: true });
    expect(check('cancelled', 'provider', startsAt, { reason: '顾问生病' })).toEqual({ ok: true });
    expect(checkTransition({ from: 'requested', to: 'confirmed', actor: 'provider', startsAt, now: justBefore, cancelCutoffMinutes: 120 })).toEqual({ ok: true });
  });
});

describe('accept deadline', () => {
  const service = { requiresAcceptance: true, acceptWindowMinutes: 24 * 60 };
  const booked = new Date('2025-09-22T00:00:00Z');

  it('is the accept window from now when the start is later', () => {
    expect(acceptDeadline(service, booked, new Date('2025-09-25T01:00:00Z'))).toEqual(new Date('2025-09-23T00:00:00Z'));
  });

  it('is never later than the start', () => {
    expect(acceptDeadline(service, booked, new Date('2025-09-22T03:00:00Z'))).toEqual(new Date('2025-09-22T03:00:00Z'));
    expect(acceptDeadline(service, booked, new Date('2025-09-23T00:00:00Z'))).toEqual(new Date('2025-09-23T00:00:00Z'));
  });

  it('counts from the moment given, so a later move gets a later deadline', () => {
    const moved = new Date('2025-09-22T20:00:00Z');
    expect(acceptDeadline(service, moved, new Date('2025-09-26T01:00:00Z'))).toEqual(new Date('2025-09-23T20:00:00Z'));
  });

  it('is null for a service that needs no acceptance', () => {
    expect(acceptDeadline({ requiresAcceptance: false, acceptWindowMinutes: 60 }, booked, new Date('2025-09-25T01:00:00Z'))).toBeNull();
  });
});


describe('reachedOnlyAfterStart', () => {
  it('holds for completed and no-show only: every way into them waits for the start', () => {
    expect(allBookingStatuses.filter((status) => reachedOnlyAfterStart(status)).sort()).toEqual(['completed', 'no_show']);
  });

  it('is false for a status no transition leads to (stored-only ones included)', () => {
    expect(reachedOnlyAfterStart('requested')).toBe(false);
    expect(reachedOnlyAfterStart('holding')).toBe(false);
    expect(reachedOnlyAfterStart('failed')).toBe(false);
  });
});
