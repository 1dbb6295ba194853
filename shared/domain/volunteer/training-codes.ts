/**
 * The parts of the training rules the app shows as well as the server applies: elders' age bands and
 * which role of a class teaches it. Free of the date library (training-rules.ts has the rest), so the
 * client's volunteer pages take these without it.
 */
export const ageBands = {
  under_60: '60 岁以下',
  '60_69': '60–69 岁',
  '70_79': '70–79 岁',
  '80_89': '80–89 岁',
  '90_plus': '90 岁及以上',
} as const;
export type AgeBand = keyof typeof ageBands;
export const ageBandCodes = Object.keys(ageBands) as [AgeBand, ...AgeBand[]];

/**
 * The teaching role of a class: the role coded `lead` (主讲), else the first listed. Whoever holds a
 * place in it is the class's teacher and takes the roll.
 */
export function teachingRoleOf(roles: readonly { code: string }[]): string | null {
  return roles.find((r) => r.code === 'lead')?.code ?? roles[0]?.code ?? null;
}
