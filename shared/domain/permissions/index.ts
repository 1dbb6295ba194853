export * from './action-access';
export * from './booking-relations';
export * from './district-scope';
export * from './volunteer-access';
export * from './activity-access';
export * from './attendance-access';
export * from './staff-auth-access';
