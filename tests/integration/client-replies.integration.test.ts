/**
 * The client parses real replies: each action whose reply the client reads with a view schema
 * (client/src/api/views.schema.ts) answers, on the real server, something that schema accepts, so a
 * successful call never turns into BAD_RESPONSE on the screen. Real parts: the local engine, the
 * seeded demo district, session tokens, the invoke path of the host; the clock is Monday 08:00.
 */
import type { z } from 'zod';
import { bookingViewSchema, markReadResultSchema, setRulesResultSchema } from '../../client/src/api/views.schema';
import { advisorCreate, at, book, createBookingWorld, type BookingWorld } from '../helpers/booking-fixtures';
import { expectOk } from '../helpers/test-app';

let w: BookingWorld;
beforeAll(async () => {
  w = await createBookingWorld();
});
afterAll(async () => {
  await w.close();
});

const parses = (schema: z.ZodType, data: unknown) => {
  const parsed = schema.safeParse(data);
  return parsed.success ? 'parses' : JSON.stringify(parsed.error.issues);
};

it('the provider’s accept, decline, complete, no-show and cancel answer a booking view', async () => {
  const { resident1, resident2, advisor1 } = w.people;
  const provider = (event: Record<string, unknown>) => w.as(advisor1, 'provider', event).then((r) => expectOk(r));
  const accepted = await book(w, resident1, advisorCreate(at('2026-12-01', '09:00')));
  const declined = await book(w, resident2, advisorCreate(at('2026-12-01', '09:30')));
  const cancelled = await book(w, resident1, advisorCreate(at('2026-12-01', '10:00')));
  const missed = await book(w, resident2, advisorCreate(at('2026-12-01', '10:30')));
  expect(parses(bookingViewSchema, await provider({ action: 'accept', bookingId: accepted.id }))).toBe('parses');
  expect(parses(bookingViewSchema, await provider({ action: 'decline', bookingId: declined.id, reason: '当天外出培训' }))).toBe('parses');
  await provider({ action: 'accept', bookingId: cancelled.id });
  expect(parses(bookingViewSchema, await provider({ action: 'cancel', bookingId: cancelled.id, reason: '临时出差' }))).toBe('parses');
  await provider({ action: 'accept', bookingId: missed.id });
  w.clock.set(at('2026-12-01', '11:00'));
  try {
    expect(parses(bookingViewSchema, await provider({ action: 'complete', bookingId: accepted.id, notes: '已讲解政策' }))).toBe('parses');
    expect(parses(bookingViewSchema, await provider({ action: 'noShow', bookingId: missed.id }))).toBe('parses');
  } finally {
    w.clock.set('2026-11-30T00:00:00.000Z');
  }
});

it('adding and removing a day off answer the availability and the bookings it strands', async () => {
  const { advisor1 } = w.people;
  const added = expectOk(await w.as(advisor1, 'provider', { action: 'addException', exception: { date: '2026-12-06', kind: 'closed' } }));
  expect(parses(setRulesResultSchema, added)).toBe('parses');
  const removed = expectOk(await w.as(advisor1, 'provider', { action: 'removeException', date: '2026-12-06' }));
  expect(parses(setRulesResultSchema, removed)).toBe('parses');
});

it('marking notices read answers how many', async () => {
  const reply = expectOk(await w.as(w.people.resident1, 'notify', { action: 'markRead', all: true }));
  expect(parses(markReadResultSchema, reply)).toBe('parses');
});
