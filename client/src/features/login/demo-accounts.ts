/**
 * The demo accounts the development host seeds, for the browser login screen: the seed's own list
 * (shared/domain/demo-accounts.ts), so a new demo account shows here without a second list.
 */
export { demoAccounts, type DemoAccount } from '../../../../shared/domain/demo-accounts';
