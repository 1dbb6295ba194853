import type { ServiceInfo } from '../../api/views.schema';
import type { CalendarSlot } from '../../components/SlotCalendar';
import { addDaysToKey, districtDateKey, districtInstant } from '../../format/date-time';

/** Hospital appointments people book an escort for: 7:00 to 16:30, every half hour. */
const firstMinute = 7 * 60;
const lastMinute = 16 * 60 + 30;
const stepMinutes = 30;

/** The days an escort request may name, from today to the end of the service's horizon. */
export function escortDays(now: Date, service: Pick<ServiceInfo, 'horizonDays'>): string[] {
  const today = districtDateKey(now);
  return Array.from({ length: service.horizonDays + 1 }, (_, i) => addDaysToKey(today, i));
}

/**
 * Appointment times to choose from: every half hour on each day, from the service's lead time on
 * (an escort needs time to be found). Seats do not apply, so `remaining` is null.
 */
export function escortTimes(now: Date, service: Pick<ServiceInfo, 'horizonDays' | 'leadTimeMinutes' | 'durationMinutes'>): CalendarSlot[] {
  const earliest = now.getTime() + service.leadTimeMinutes * 60_000;
  const out: CalendarSlot[] = [];
  for (const day of escortDays(now, service)) {
    for (let minute = firstMinute; minute <= lastMinute; minute += stepMinutes) {
      const wall = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      const startsAt = districtInstant(day, wall);
      if (Date.parse(startsAt) < earliest) continue;
      out.push({ startsAt, endsAt: new Date(Date.parse(startsAt) + service.durationMinutes * 60_000).toISOString(), remaining: null });
    }
  }
  return out;
}
