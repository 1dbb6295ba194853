export const Role = {
  resident: 'resident',
  advisor: 'advisor',
  counselor: 'counselor',
  escort: 'escort',
  volunteer: 'volunteer',
  staff: 'staff',
  admin: 'admin',
} as const;

export type Role = (typeof Role)[keyof typeof Role];

export const allRoles = Object.values(Role) as [Role, ...Role[]];

export const roleLabels: Record<Role, string> = {
  resident: '居民',
  advisor: '养老顾问',
  counselor: '婚姻辅导师',
  escort: '陪诊员',
  volunteer: '志愿者',
  staff: '工作人员',
  admin: '管理员',
};

export function hasRole(roles: readonly Role[], role: Role): boolean {
  return roles.includes(role);
}

export function hasAnyRole(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return wanted.some((role) => roles.includes(role));
}

/** The role a provider record of each service needs its person to hold (admin grant it first). */
export const providerRoleOf = { advisor: 'advisor', counseling: 'counselor', escort: 'escort' } as const satisfies Record<'advisor' | 'counseling' | 'escort', Role>;
