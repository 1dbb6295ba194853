import { DEFAULT_HOURS_RULE, foldLedger, hoursRuleText, refusalOf, roundHours, servedMinutes, type LedgerEntry } from './attendance-hours';

const activity = { startsAt: new Date('2026-12-02T01:00:00Z'), endsAt: new Date('2026-12-02T03:00:00Z') };
const at = (hhmm: string) => new Date(`2026-12-02T${hhmm}:00Z`);

describe('servedMinutes', () => {
  it('clips check-in and check-out to the activity', () => {
    expect(servedMinutes(activity, at('00:40'), at('03:30'))).toBe(120);
    expect(servedMinutes(activity, at('01:20'), at('02:05'))).toBe(45);
  });
  it('is 0 when nothing fell inside the activity', () => {
    expect(servedMinutes(activity, at('00:30'), at('00:55'))).toBe(0);
    expect(servedMinutes(activity, at('03:10'), at('03:40'))).toBe(0);
  });
});

describe('roundHours (default: down to the half hour, at least 0.5 h when present)', () => {
  it.each([
    [1, 0.5],
    [29, 0.5],
    [30, 0.5],
    [59, 0.5],
    [60, 1],
    [89, 1],
    [90, 1.5],
    [119, 1.5],
    [120, 2],
  ])('%i minutes → %d h', (minutes, hours) => {
    expect(roundHours(minutes)).toBe(hours);
  });
  it('gives 0 to someone not present', () => {
    expect(roundHours(0)).toBe(0);
  });
  it('follows another rule when given one', () => {
    expect(roundHours(89, { stepMinutes: 30, direction: 'nearest', minimumHours: 0 })).toBe(1.5);
    expect(roundHours(61, { stepMinutes: 60, direction: 'up', minimumHours: 0 })).toBe(2);
    expect(roundHours(10, { stepMinutes: 30, direction: 'down', minimumHours: 0 })).toBe(0);
  });
  it('states the default rule in words', () => {
    expect(hoursRuleText(DEFAULT_HOURS_RULE)).toBe('服务时长按签到到签退的时间计算，限在活动时间内，按半小时向下取整；到场至少记 0.5 小时。');
  });
});

describe('the ledger', () => {
  const e = (seq: number, type: LedgerEntry['type'], hours: number | null, reason: string | null = 'x') => ({ seq, type, actorId: 'u', at: new Date(0), reason, hours }) as LedgerEntry;

  it('starts pending with the computed hours; confirm or correct decide it once', () => {
    const pending = foldLedger(2, []);
    expect(pending).toMatchObject({ status: 'pending', hours: 2, nextSeq: 1 });
    expect(refusalOf(pending, 'confirm')).toBeNull();
    expect(refusalOf(pending, 'request')).toBe('HOURS_PENDING');
    const confirmed = foldLedger(2, [e(1, 'confirmed', 2, null)]);
    expect(confirmed).toMatchObject({ status: 'confirmed', hours: 2, nextSeq: 2 });
    expect(refusalOf(confirmed, 'confirm')).toBe('HOURS_LOCKED');
    expect(refusalOf(confirmed, 'correct')).toBe('HOURS_LOCKED');
    expect(refusalOf(confirmed, 'decide')).toBe('NO_OPEN_CORRECTION');
    expect(foldLedger(2, [e(1, 'corrected', 1.5)])).toMatchObject({ status: 'corrected', hours: 1.5 });
  });

  it('a request is decided by staff: approval changes the hours, rejection goes back to how it was', () => {
    const requested = foldLedger(2, [e(1, 'corrected', 1.5), e(2, 'correction_requested', 2)]);
    expect(requested).toMatchObject({ status: 'correction_requested', hours: 1.5, requestedHours: 2, nextSeq: 3 });
    expect(refusalOf(requested, 'request')).toBe('CORRECTION_OPEN');
    expect(refusalOf(requested, 'decide')).toBeNull();
    expect(foldLedger(2, [e(1, 'corrected', 1.5), e(2, 'correction_requested', 2), e(3, 'correction_rejected', null)])).toMatchObject({ status: 'corrected', hours: 1.5, requestedHours: null });
    // The log may come back in any order; it is folded by sequence.
    expect(foldLedger(2, [e(3, 'correction_approved', 2.5), e(1, 'confirmed', 2, null), e(2, 'correction_requested', 2.5)])).toMatchObject({ status: 'corrected', hours: 2.5, nextSeq: 4 });
  });
});
