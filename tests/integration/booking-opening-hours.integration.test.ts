/**
 * Opening hours and what their changes do to bookings: weekly rules, date exceptions, the district's
 * holidays and make-up workdays, a provider taken off duty. A change never strands a booking silently.
 *
 * Real parts: the local engine, the seeded demo district, session tokens, the invoke path of the
 * host. The clock is a manual one starting Monday 2026-11-30 08:00 in Shanghai (00:00Z) and moved
 * by hand. Each test gets a fresh district.
 */
import {
  advisorCreate,
  at,
  book,
  counselingCreate,
  DEMO_WEEK,
  directBooking,
  directOutbox,
  errorOf,
  freeSlots,
  freshWorldForEachTest,
  ids,
  worldCalls,
  type BookingView,
  type BookingWorld,
} from '../helpers/booking-fixtures';
import { expectOk } from '../helpers/test-app';
import { demoWeeklyRules } from '../../host/seed/demo-district.data';

let w: BookingWorld;
freshWorldForEachTest((world) => (w = world));

const { TUE, WED, THU } = DEMO_WEEK;
const { call, provider, starts } = worldCalls(() => w);

describe('opening hours', () => {
  it('reports the bookings a weekly-rule change strands and records availability_changed for each', async () => {
    const { resident1, resident2, advisor1 } = w.people;
    const wednesday = await book(w, resident1, advisorCreate(at(WED, '09:00')));
    const thursday = await book(w, resident2, advisorCreate(at(THU, '09:00')));
    w.clock.advance(5 * 60_000);

    const withoutWednesday = demoWeeklyRules('advisor').filter((rule) => rule.weekday !== 3);
    const changed = expectOk<{ availability: { rules: unknown[] }; affected: BookingView[] }>(
      await provider(advisor1, 'setWeeklyRules', { rules: withoutWednesday }),
    );
    expect(changed.availability.rules).toHaveLength(withoutWednesday.length);
    expect(changed.affected.map((b) => b.id)).toEqual([wednesday.id]);

    const events = await directOutbox(w, { type: 'availability_changed' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      subject: { kind: 'booking', id: wednesday.id },
      recipients: [resident1.userId],
      payload: { service: 'advisor', startsAt: at(WED, '09:00') },
      at: new Date('2026-11-30T00:05:00.000Z'),
      // Turned into the resident's notice in the same call.
      processedAt: new Date('2026-11-30T00:05:00.000Z'),
    });
    // The booking stays: the provider decides whether to cancel or move it.
    expect((await directBooking(w, wednesday.id))!.status).toBe('requested');
    expect((await directBooking(w, thursday.id))!.status).toBe('requested');
    expect(await starts(ids.advisor1, WED)).toEqual([]);
    expect(await starts(ids.advisor1, THU)).toHaveLength(10);

    // Staff of the station's 街道 put Wednesday back: nothing is stranded, nothing is recorded.
    w.clock.advance(5 * 60_000);
    const restored = expectOk<{ affected: BookingView[] }>(
      await provider(w.people.staff, 'setWeeklyRules', { providerId: ids.advisor1, rules: demoWeeklyRules('advisor') }),
    );
    expect(restored.affected).toEqual([]);
    expect(await directOutbox(w, { type: 'availability_changed' })).toHaveLength(1);
    expect(await starts(ids.advisor1, WED)).toHaveLength(10);
  });

  it('closes every slot on a holiday and opens a make-up workday', async () => {
    const { admin, resident1 } = w.people;
    expect(await starts(ids.advisor1, WED)).toHaveLength(11);
    expect(await starts(ids.advisor1, '2026-12-05')).toEqual([]);

    expectOk(await call(admin, 'admin', { action: 'setHolidayCalendar', holidays: [WED], workdays: [{ date: '2026-12-05', followsWeekday: 3 }] }));

    expect(await starts(ids.advisor1, WED)).toEqual([]);
    expect(await starts(ids.counselor1, WED)).toEqual([]);
    expect(await starts(ids.advisor1, '2026-12-05')).toHaveLength(11);
    expect(errorOf(await call(resident1, 'booking', advisorCreate(at(WED, '09:00'))))).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'startsAt' }] });
    expect((await book(w, resident1, advisorCreate(at('2026-12-05', '09:00')))).status).toBe('requested');
    // The provider list shows the next free slots around the holiday.
    const providers = expectOk<{ id: string; nextSlots: { startsAt: string }[] }[]>(await call(resident1, 'catalog', { action: 'providers', service: 'advisor' }));
    const first = providers.find((p) => p.id === ids.advisor1)!;
    expect(first.nextSlots.map((s) => s.startsAt)).toEqual([at('2026-11-30', '09:00'), at('2026-11-30', '09:30'), at('2026-11-30', '10:00')]);
  });

  it('gives every slot, booking and moved booking the length of the service', async () => {
    const { resident1, counselor1 } = w.people;
    // Rules saved before the length came from the service: 50-minute afternoon slots.
    const odd = demoWeeklyRules('counseling').map((rule) => (rule.start === '14:00' ? { ...rule, slotMinutes: 50, bufferMinutes: 10 } : rule));
    await w.t.app.repos.availability.save({ ...(await w.t.app.repos.availability.get(ids.counselor1)), rules: odd, updatedAt: new Date(), updatedBy: 'test' });
    const minutes = (slot: { startsAt: string; endsAt: string }) => (Date.parse(slot.endsAt) - Date.parse(slot.startsAt)) / 60_000;

    const slots = await freeSlots(w, ids.counselor1, WED);
    expect(new Set(slots.map(minutes))).toEqual(new Set([60]));
    const booked = await book(w, resident1, counselingCreate(at(WED, '14:00')));
    expect(minutes(booked)).toBe(60);
    const moved = expectOk<BookingView>(await call(resident1, 'booking', { action: 'reschedule', bookingId: booked.id, startsAt: at(WED, '09:00') }));
    expect(minutes(moved)).toBe(60);

    // The provider's page is told the one length to use.
    expect(expectOk<{ slotMinutes: number }>(await provider(counselor1, 'availability', {})).slotMinutes).toBe(60);
    // A new rule of another length is refused, at the field, and nothing is written.
    const before = await w.t.app.repos.availability.get(ids.counselor1);
    const refused = await provider(counselor1, 'setWeeklyRules', { rules: odd });
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: expect.arrayContaining([{ path: 'rules.1.slotMinutes', message: '每个号的时长须为这项服务的时长 60 分钟' }]) },
    });
    expect((await w.t.app.repos.availability.get(ids.counselor1)).rules).toEqual(before.rules);
  });

  it('refuses extra hours that overlap other extra hours on the same date, writing nothing', async () => {
    const { advisor1 } = w.people;
    const SUN = '2026-12-06';
    const extra = (start: string, end: string) => ({ exception: { date: SUN, kind: 'extra', start, end, slotMinutes: 30, capacity: 1, bufferMinutes: 0 } });
    expectOk(await provider(advisor1, 'addException', extra('14:00', '16:00')));
    const before = (await w.t.app.repos.availability.get(ids.advisor1)).exceptions;
    const clash = await provider(advisor1, 'addException', extra('15:00', '17:00'));
    expect(clash.ok ? null : clash.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'exception.start', message: '与同一天的另一段时间重叠' }] } });
    expect((await w.t.app.repos.availability.get(ids.advisor1)).exceptions).toEqual(before);
    // Touching is not overlapping.
    expectOk(await provider(advisor1, 'addException', extra('16:00', '17:00')));
    expect(await starts(ids.advisor1, SUN)).toHaveLength(6);
  });

  it('returns the bookings a new holiday strands to the admin and tells their residents, once', async () => {
    const { admin, resident1, resident2 } = w.people;
    const onHoliday = await book(w, resident1, advisorCreate(at(WED, '09:00')));
    const counseling = await book(w, resident2, counselingCreate(at(WED, '14:00')));
    const otherDay = await book(w, resident2, advisorCreate(at(THU, '09:00')));
    const calendar = { action: 'setHolidayCalendar', holidays: [WED], workdays: [] };

    const set = expectOk<{ holidays: string[]; affected: BookingView[] }>(await call(admin, 'admin', calendar));
    expect(set.holidays).toEqual([WED]);
    expect(set.affected.map((b) => b.id)).toEqual([onHoliday.id, counseling.id]);
    // The admin sees the counseling booking like any list: no topic.
    expect(set.affected[1]!.details).toEqual({ kind: 'counseling', format: expect.any(String) });
    const events = await directOutbox(w, { type: 'availability_changed' });
    // Events of one moment come back in no particular order.
    const byBooking = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect(events.map((e) => [e.subject.id, e.recipients]).sort(byBooking)).toEqual(
      [
        [onHoliday.id, [resident1.userId]],
        [counseling.id, [resident2.userId]],
      ].sort(byBooking),
    );
    expect((await directBooking(w, otherDay.id))!.status).toBe('requested');

    // Saving the same calendar again strands nothing new, so nobody is told twice.
    w.clock.advance(60_000);
    expect(expectOk<{ affected: BookingView[] }>(await call(admin, 'admin', calendar)).affected).toEqual([]);
    expect(await directOutbox(w, { type: 'availability_changed' })).toHaveLength(2);
  });

  it('returns the active future bookings of a provider taken off duty and tells their residents', async () => {
    const { admin, resident1, advisor1 } = w.people;
    const requested = await book(w, resident1, advisorCreate(at(TUE, '09:00')));
    const confirmed = await book(w, resident1, advisorCreate(at(WED, '09:00')));
    expectOk(await call(advisor1, 'provider', { action: 'accept', bookingId: confirmed.id }));
    const cancelled = await book(w, resident1, advisorCreate(at(THU, '09:00')));
    expectOk(await call(resident1, 'booking', { action: 'cancel', bookingId: cancelled.id }));

    const off = expectOk<{ deactivated: string; affected: BookingView[] }>(await call(admin, 'admin', { action: 'deactivateProvider', providerId: ids.advisor1 }));
    expect(off.deactivated).toBe(ids.advisor1);
    expect(off.affected.map((b) => [b.id, b.status])).toEqual([
      [requested.id, 'requested'],
      [confirmed.id, 'confirmed'],
    ]);
    expect((await directOutbox(w, { type: 'availability_changed' })).map((e) => e.subject.id).sort()).toEqual([requested.id, confirmed.id].sort());
  });
});
