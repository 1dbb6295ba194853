import Taro from '@tarojs/taro';
import type { FamilyRelation } from '../../../../shared/domain/service-kinds';

/** Family members kept on this phone so booking for a parent takes one tap next time. */
export type FamilyMember = { name: string; phone: string; relationship: FamilyRelation };

const storageKey = 'civic.familyMembers';
const maxMembers = 10;

export function readFamilyMembers(): FamilyMember[] {
  try {
    const stored: unknown = Taro.getStorageSync(storageKey);
    return Array.isArray(stored) ? (stored as FamilyMember[]).filter((m) => m && typeof m.name === 'string' && typeof m.phone === 'string') : [];
  } catch {
    return [];
  }
}

function write(members: FamilyMember[]): FamilyMember[] {
  const kept = members.slice(0, maxMembers);
  Taro.setStorageSync(storageKey, kept);
  return kept;
}

/** Adds a member, or updates the one with the same name and phone; the newest comes first. */
export function saveFamilyMember(member: FamilyMember): FamilyMember[] {
  const others = readFamilyMembers().filter((m) => !(m.name === member.name && m.phone === member.phone));
  return write([member, ...others]);
}

export function removeFamilyMember(member: FamilyMember): FamilyMember[] {
  return write(readFamilyMembers().filter((m) => !(m.name === member.name && m.phone === member.phone)));
}
