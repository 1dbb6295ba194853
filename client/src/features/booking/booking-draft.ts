import Taro from '@tarojs/taro';
import type { ServiceKind } from '../../../../shared/domain/service-kinds';
import type { ServiceInfo } from '../../api/views.schema';
import type { BookingFormState } from './booking-form';

/**
 * The booking being put together across the flow's pages (provider → time → form → confirm). Kept in
 * memory and mirrored to storage, so reloading a page in the browser does not lose it.
 */
export type BookingDraft = {
  service: ServiceKind;
  serviceInfo: ServiceInfo;
  provider: { id: string; name: string; venue: string } | null;
  /** The chosen slot (advisor, counseling) or hospital appointment time (escort). */
  slot: { startsAt: string; endsAt: string; remaining: number | null } | null;
  form: BookingFormState | null;
  /**
   * One id per booking attempt: made when the confirmation shows, reused when the tap is retried
   * after a network failure, dropped whenever what is being booked changes.
   */
  requestId: string | null;
  /**
   * A slot the server said was taken while confirming: the time list leaves it out (and says so)
   * until another is chosen, even before its own data catches up.
   */
  takenStartsAt?: string | null;
  /** 代办: staff booking for a walk-in or phone caller (the elder's name, phone and 社区 replace "for whom"). */
  proxy?: boolean;
};

/** The booking this phone made last, so a stale form page (browser back) can say it was made. */
export type LastBooked = { bookingId: string; service: ServiceKind; at: number };

const storageKey = 'civic.bookingDraft';
const lastBookedKey = 'civic.lastBooked';
/** How long a finished booking is remembered for that: long enough for a walk back through the flow. */
const lastBookedMs = 6 * 60 * 60 * 1000;
let current: BookingDraft | null = null;

export function readDraft(): BookingDraft | null {
  if (current) return current;
  try {
    const stored: unknown = Taro.getStorageSync(storageKey);
    if (stored && typeof stored === 'object' && 'service' in stored) current = stored as BookingDraft;
  } catch {
    current = null;
  }
  return current;
}

function save(draft: BookingDraft | null): void {
  current = draft;
  try {
    if (draft) Taro.setStorageSync(storageKey, draft);
    else Taro.removeStorageSync(storageKey);
  } catch {
    // Storage full or unavailable: the in-memory copy still carries the flow.
  }
}

/** Starts a new booking of a service, forgetting any earlier unfinished one. */
export function startDraft(serviceInfo: ServiceInfo, provider: BookingDraft['provider'], options: { proxy?: boolean } = {}): BookingDraft {
  const draft: BookingDraft = { service: serviceInfo.id, serviceInfo, provider, slot: null, form: null, requestId: null, takenStartsAt: null, proxy: options.proxy === true };
  save(draft);
  return draft;
}

/** Changes part of the draft; a change to what is booked makes the next tap a new attempt. */
export function updateDraft(changes: Partial<Omit<BookingDraft, 'requestId'>>): BookingDraft | null {
  const draft = readDraft();
  if (!draft) return null;
  const next = { ...draft, ...changes, requestId: null };
  save(next);
  return next;
}

/** The id of this booking attempt, made once and kept until the draft changes or is cleared. */
export function requestIdForDraft(): string | null {
  const draft = readDraft();
  if (!draft) return null;
  if (draft.requestId) return draft.requestId;
  const next = { ...draft, requestId: newRequestId() };
  save(next);
  return next.requestId;
}

export function clearDraft(): void {
  save(null);
}

/** The draft became booking `bookingId`: forget the draft, remember what it became. */
export function finishDraft(bookingId: string, service: ServiceKind, now: number = Date.now()): void {
  save(null);
  try {
    Taro.setStorageSync(lastBookedKey, { bookingId, service, at: now } satisfies LastBooked);
  } catch {
    // Only the friendlier message on a stale page depends on it.
  }
}

/** The booking made from the last draft, if that was recent. */
export function lastBooked(now: number = Date.now()): LastBooked | null {
  try {
    const stored = Taro.getStorageSync(lastBookedKey) as Partial<LastBooked> | '';
    if (stored && typeof stored.bookingId === 'string' && typeof stored.at === 'number' && stored.service && now - stored.at < lastBookedMs) {
      return { bookingId: stored.bookingId, service: stored.service, at: stored.at };
    }
  } catch {
    // Unreadable storage: nothing remembered.
  }
  return null;
}

/** A new booking is being started on purpose (from home): no page should say "already made". */
export function forgetLastBooked(): void {
  try {
    Taro.removeStorageSync(lastBookedKey);
  } catch {
    // Nothing to forget.
  }
}

/** The server said this slot is taken: drop it from the draft and remember it as taken. */
export function markSlotTaken(startsAt: string): void {
  updateDraft({ slot: null, takenStartsAt: startsAt });
}

/** 8–64 characters of [A-Za-z0-9_-], unique enough per person and attempt. */
export function newRequestId(now: number = Date.now(), random: () => number = Math.random): string {
  const noise = Array.from({ length: 3 }, () => Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')).join('');
  return `rq-${now.toString(36)}-${noise}`;
}
