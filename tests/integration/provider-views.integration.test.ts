/**
 * What a provider sees of the person they serve (issue 9, items 11 and 12): who booked, masked in
 * lists and in full on the assigned provider's detail, and an escort's (or advisor's) own schedule
 * showing a confirmed job in full, since that is where they do it.
 *
 * Real parts: the local engine, the seeded demo district, session tokens, the invoke path of the
 * host. Manual clock from Monday 2026-11-30 08:00 in Shanghai. A fresh district per test.
 */
import {
  advisorCreate,
  at,
  book,
  CONTACT_PHONE,
  counselingCreate,
  COUNSELING_NOTE,
  DEMO_WEEK,
  detailOf,
  escortCreate,
  freshResident,
  freshWorldForEachTest,
  ids,
  nextFreeSlot,
  PICKUP_ADDRESS,
  worldCalls,
  type BookingView,
  type BookingWorld,
} from '../helpers/booking-fixtures';
import { expectOk } from '../helpers/test-app';

let w: BookingWorld;
freshWorldForEachTest((world) => (w = world));

const { WED, THU } = DEMO_WEEK;
const { call, provider } = worldCalls(() => w);
const father = { name: '张建国', phone: '13700001111', relationship: 'parent' };

async function named(name: string) {
  const person = await freshResident(w);
  expectOk(await call(person, 'user', { action: 'updateProfile', name }));
  return person;
}

describe('who booked, for the provider', () => {
  it('names the resident who booked: masked in the inbox, in full on the assigned advisor’s detail', async () => {
    const resident = await named('王秀英');
    const view = await book(w, resident, advisorCreate((await nextFreeSlot(w, ids.advisor1)).startsAt, { details: { mode: 'home_visit', address: PICKUP_ADDRESS } }));
    // The booker sees their own name.
    expect(view.bookerName).toBe('王秀英');

    const inbox = expectOk<{ items: BookingView[] }>(await provider(w.people.advisor1, 'inbox', { pageSize: 50 }));
    const item = inbox.items.find((b) => b.id === view.id)!;
    expect(item).toMatchObject({ bookerName: '王**', contactPhone: '138****2222', forFamily: null });

    const detail = await detailOf(w, w.people.advisor1, view.id);
    expect(detail.booking).toMatchObject({ bookerName: '王秀英', contactPhone: CONTACT_PHONE, details: { address: PICKUP_ADDRESS } });
    // Another advisor has no relation to it at all.
    expect((await call(w.people.advisor2, 'booking', { action: 'detail', bookingId: view.id })).ok).toBe(false);
  });

  it('names the family member served and the booker who is the contact', async () => {
    const resident = await named('张小红');
    const view = await book(w, resident, advisorCreate((await nextFreeSlot(w, ids.advisor1)).startsAt, { forFamily: father }));
    const item = expectOk<{ items: BookingView[] }>(await provider(w.people.advisor1, 'inbox', { pageSize: 50 })).items.find((b) => b.id === view.id)!;
    expect(item).toMatchObject({ bookerName: '张**', forFamily: { name: '张**', phone: '137****1111', relationship: 'parent' } });
    const detail = await detailOf(w, w.people.advisor1, view.id);
    expect(detail.booking).toMatchObject({ bookerName: '张小红', forFamily: father, contactPhone: CONTACT_PHONE });
  });

  it('gives the counselor the name but still never a topic or note in a list', async () => {
    const resident = await named('李梅');
    const view = await book(w, resident, counselingCreate((await nextFreeSlot(w, ids.counselor1)).startsAt));
    const date = view.startsAt.slice(0, 10);
    expectOk(await provider(w.people.counselor1, 'accept', { bookingId: view.id }));
    const schedule = expectOk<{ items: BookingView[] }>(await provider(w.people.counselor1, 'schedule', { date }));
    const item = schedule.items.find((b) => b.id === view.id)!;
    expect(item.bookerName).toBe('李梅');
    expect(item.details).toEqual({ kind: 'counseling', format: 'individual' });
    expect(JSON.stringify(schedule)).not.toContain(COUNSELING_NOTE);
  });
});

describe('an escort’s schedule once the job is theirs', () => {
  it('shows the claimed job in full where the escort works, and masks it before', async () => {
    const resident = await named('王秀英');
    const request = await book(w, resident, escortCreate(at(THU, '09:00'), { forFamily: father }));

    // In the pool, before anyone has it: masked.
    const pool = expectOk<{ items: BookingView[] }>(await provider(w.people.escort1, 'pool', {}));
    expect(pool.items.find((b) => b.id === request.id)).toMatchObject({
      bookerName: '王**',
      contactPhone: '138****2222',
      forFamily: { name: '张**', phone: '137****1111' },
      details: { pickupAddress: `${PICKUP_ADDRESS.slice(0, 6)}…`, companionPhone: '139****2222' },
    });

    expectOk(await provider(w.people.escort1, 'claim', { bookingId: request.id }));
    const schedule = expectOk<{ items: BookingView[] }>(await provider(w.people.escort1, 'schedule', { date: THU }));
    expect(schedule.items).toHaveLength(1);
    expect(schedule.items[0]).toMatchObject({
      id: request.id,
      bookerName: '王秀英',
      contactPhone: CONTACT_PHONE,
      forFamily: father,
      details: { pickupAddress: PICKUP_ADDRESS, companionPhone: '13911112222', hospital: '常州市第一人民医院', department: '心血管内科' },
    });
  });

  it('keeps a request not yet accepted masked on the advisor’s schedule, and a done job masked again', async () => {
    const resident = await named('王秀英');
    const first = await nextFreeSlot(w, ids.advisor1, { fromDate: WED });
    const waiting = await book(w, resident, advisorCreate(first.startsAt, { details: { mode: 'home_visit', address: PICKUP_ADDRESS } }));
    const other = await named('赵兰');
    const second = await nextFreeSlot(w, ids.advisor1, { fromDate: WED, skip: [first.startsAt] });
    const accepted = await book(w, other, advisorCreate(second.startsAt, { details: { mode: 'home_visit', address: PICKUP_ADDRESS } }));
    expectOk(await provider(w.people.advisor1, 'accept', { bookingId: accepted.id }));

    const day = async () => expectOk<{ items: BookingView[] }>(await provider(w.people.advisor1, 'schedule', { date: WED })).items;
    const items = await day();
    expect(items.find((b) => b.id === waiting.id)).toMatchObject({ bookerName: '王**', contactPhone: '138****2222', details: { address: `${PICKUP_ADDRESS.slice(0, 6)}…` } });
    expect(items.find((b) => b.id === accepted.id)).toMatchObject({ bookerName: '赵兰', contactPhone: CONTACT_PHONE, details: { address: PICKUP_ADDRESS } });

    w.clock.set(new Date(Date.parse(accepted.startsAt) + 10 * 60_000));
    expectOk(await provider(w.people.advisor1, 'complete', { bookingId: accepted.id }));
    expect((await day()).find((b) => b.id === accepted.id)).toMatchObject({ status: 'completed', bookerName: '赵*', contactPhone: '138****2222' });
  });
});
