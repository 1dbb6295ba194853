import type { Composition, Part } from '../composition';
import { LoginLimiter } from '../staff-auth/login-limiter';
import { StaffAccountService } from '../staff-auth/staff-account.service';
import { StaffAuthService } from '../staff-auth/staff-auth.service';
import { DistrictSettingsService } from './district-settings.service';
import { DashboardService } from './dashboard.service';

// staff sign-in: passwords and their limits; sessions are issued by the user service as for WeChat.
const staffDeps = (c: Composition) => ({ credentials: c.repos.staffCredentials, users: c.repos.users, userService: c.services.users, clock: c.clock, ids: c.ids });
export const loginLimiterPart: Part<'loginLimiter'> = ({ repos, clock }) => new LoginLimiter({ credentials: repos.staffCredentials, attempts: repos.loginAttempts, clock });
export const staffAuthPart: Part<'staffAuth'> = (c) =>
  new StaffAuthService({ ...staffDeps(c), limiter: c.services.loginLimiter, firstAdmin: c.config.firstAdmin ?? null, devLoginEnabled: c.config.devLogin });
export const staffAccountsPart: Part<'staffAccounts'> = (c) => new StaffAccountService({ ...staffDeps(c), attempts: c.repos.loginAttempts, district: c.repos.district });

// staff desk
export const districtSettingsPart: Part<'districtSettings'> = ({ repos }) =>
  new DistrictSettingsService({ users: repos.users, district: repos.district, catalog: repos.catalog, training: repos.training });
// The dashboard's training figures are the training service's own count: a function with the dashboard composes trainingProgress too.
export const dashboardPart: Part<'dashboard'> = (c) =>
  new DashboardService({ bookings: c.repos.bookings, training: c.repos.training, district: c.repos.district, trainingProgress: c.services.trainingProgress, clock: c.clock });
