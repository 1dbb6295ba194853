import Taro from '@tarojs/taro';
import { resetTaroMock } from '../../../test/taro.mock';
import { clearDraft, newRequestId, readDraft, requestIdForDraft, startDraft, updateDraft } from './booking-draft';
import { askSubscribeConsent, consentAnswers, parseTemplateIds } from './subscribe-consent';

const service = { id: 'advisor' as const, name: '养老顾问', description: '', durationMinutes: 30, leadTimeMinutes: 60, horizonDays: 14, cancelCutoffMinutes: 120 };
const slot = { startsAt: '2026-12-01T01:00:00.000Z', endsAt: '2026-12-01T01:30:00.000Z', remaining: 1 };

beforeEach(() => {
  resetTaroMock();
  clearDraft();
});

describe('booking draft and request id', () => {
  it('makes ids the booking schema accepts, different each time', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newRequestId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('reuses one id for every retry of the same attempt', () => {
    startDraft(service, { id: 'pv-1', name: '刘顾问', venue: '站' });
    updateDraft({ slot });

    const first = requestIdForDraft();
    expect(requestIdForDraft()).toBe(first);
    expect(first).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('starts a new attempt (a new id) when what is booked changes', () => {
    startDraft(service, { id: 'pv-1', name: '刘顾问', venue: '站' });
    updateDraft({ slot });
    const first = requestIdForDraft();

    updateDraft({ slot: { ...slot, startsAt: '2026-12-01T01:30:00.000Z' } });

    expect(requestIdForDraft()).not.toBe(first);
  });

  it('survives a reload through storage, and is gone once cleared', () => {
    startDraft(service, null);
    const id = requestIdForDraft();
    expect(Taro.setStorageSync).toHaveBeenCalled();

    clearDraft();
    expect(readDraft()).toBeNull();
    expect(id).not.toBeNull();
  });
});

describe('subscribe-message consent', () => {
  it('reads up to three well-formed template ids from the build setting', () => {
    expect(parseTemplateIds('')).toEqual([]);
    expect(parseTemplateIds(' a-1 , b_2,,bad id!, c3, d4')).toEqual(['a-1', 'b_2', 'c3']);
  });

  it('keeps the answer for each asked template from WeChat\'s reply', () => {
    expect(consentAnswers(['t1', 't2', 't3'], { errMsg: 'requestSubscribeMessage:ok', t1: 'accept', t2: 'reject', t4: 'accept' })).toEqual({ t1: 'accept', t2: 'reject' });
  });

  it('asks nothing outside WeChat, whatever is configured', async () => {
    await askSubscribeConsent(['tmpl-1']);
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled();
  });
});
