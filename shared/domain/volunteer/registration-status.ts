/**
 * The life of one application. `pending` and `approved` are open: a person has at most one open
 * application. `rejected` and `left` are final; a new application starts a new record, and the
 * old one stays as history.
 */
export const ApplicationStatus = { pending: 'pending', approved: 'approved', rejected: 'rejected', left: 'left' } as const;
export type ApplicationStatus = (typeof ApplicationStatus)[keyof typeof ApplicationStatus];
export const allApplicationStatuses = Object.values(ApplicationStatus) as [ApplicationStatus, ...ApplicationStatus[]];

export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
  left: '已退出',
};

export function isOpenApplication(status: ApplicationStatus): boolean {
  return status === 'pending' || status === 'approved';
}

/** The decisions and their transitions; each is one numbered record, so two at once have one winner. */
export const applicationTransitions = {
  approve: { from: 'pending', to: 'approved' },
  reject: { from: 'pending', to: 'rejected' },
  leave: { from: 'approved', to: 'left' },
} as const satisfies Record<string, { from: ApplicationStatus; to: ApplicationStatus }>;
export type ApplicationTransition = keyof typeof applicationTransitions;
