export * from './action-access';
export * from './booking-relations';
export * from './district-scope';
export * from './volunteer-access';
export * from './activity-access';
export * from './attendance-access';
export * from './staff-desk-access';
export * from './audit';
