import { isFreeOfCharge, type EscortEligibility } from './service-kinds';

/**
 * The check of a hardship group an escort request claims (低保, 特困, 低收入, 高龄独居, 残疾): staff of
 * its 街道 verify or reject it; the service is free of charge only once verified.
 */
export type EligibilityStatus = 'pending' | 'verified' | 'rejected';
export type EligibilityVerdict = Exclude<EligibilityStatus, 'pending'>;

export const eligibilityStatusLabels: Record<EligibilityStatus, string> = { pending: '待核实', verified: '已核实', rejected: '未通过核实' };

export type EligibilityCheck = { status: EligibilityStatus; reason: string | null; decidedAt: Date | null };

/** What a new request starts with: a claim waits for staff; claiming none needs no check. */
export function initialEligibilityCheck(eligibility: EscortEligibility): EligibilityCheck | null {
  return isFreeOfCharge(eligibility) ? { status: 'pending', reason: null, decidedAt: null } : null;
}

/** Free of charge follows the verified status, never the claim alone. */
export function isFreeOnceChecked(check: EligibilityCheck | null | undefined): boolean {
  return check?.status === 'verified';
}

/** The history action (and notice type `booking_<action>`) of each verdict. */
export const eligibilityActions: Record<EligibilityVerdict, string> = { verified: 'eligibility_verify', rejected: 'eligibility_reject' };
