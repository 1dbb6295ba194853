import type { EscortEligibility } from './service-kinds';
import { isFreeOfCharge } from './service-kinds';
import { districtDateOf } from './time';

export type EscortPoolEntry = {
  id: string;
  eligibility: EscortEligibility;
  appointmentAt: Date;
  createdAt: Date;
};

/**
 * The order escorts see open requests in: the plan's hardship groups first (they are the point of
 * the 助困关爱 action), then the most urgent appointment, then first come. The id breaks exact ties
 * so every escort sees the same order. Returns a new array; the input is left as it was.
 */
export function orderEscortPool<T extends EscortPoolEntry>(requests: readonly T[]): T[] {
  return [...requests].sort(
    (a, b) =>
      Number(isFreeOfCharge(b.eligibility)) - Number(isFreeOfCharge(a.eligibility)) ||
      a.appointmentAt.getTime() - b.appointmentAt.getTime() ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * Unique-key prefix for a street's daily escort quota. The day is the district's calendar day, so
 * an 07:30 appointment in Shanghai (23:30 UTC the day before) counts on the right day.
 */
export function dailyCapacityKey(streetId: string, appointmentAt: Date): string {
  return `${streetId}#${districtDateOf(appointmentAt)}`;
}
