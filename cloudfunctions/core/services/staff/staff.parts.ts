import type { Composition, Part } from '../composition';
import { LoginLimiter } from '../staff-auth/login-limiter';
import { StaffAccountService } from '../staff-auth/staff-account.service';
import { StaffAuthService } from '../staff-auth/staff-auth.service';
import { DistrictSettingsService } from './district-settings.service';
import { DashboardService } from './dashboard.service';
import { StationDeskService } from './station-desk.service';

// staff sign-in: passwords and their limits; sessions are issued by the user service as for WeChat.
const staffDeps = (c: Composition) => ({ credentials: c.repos.staffCredentials, users: c.repos.users, userService: c.services.users, clock: c.clock, ids: c.ids });
export const loginLimiterPart: Part<'loginLimiter'> = ({ repos, clock }) => new LoginLimiter({ credentials: repos.staffCredentials, attempts: repos.loginAttempts, clock });
export const staffAuthPart: Part<'staffAuth'> = (c) =>
  new StaffAuthService({ ...staffDeps(c), limiter: c.services.loginLimiter, firstAdmin: c.config.firstAdmin ?? null, devLoginEnabled: c.config.devLogin });
export const staffAccountsPart: Part<'staffAccounts'> = (c) => new StaffAccountService({ ...staffDeps(c), attempts: c.repos.loginAttempts, district: c.repos.district });

// staff desk
export const districtSettingsPart: Part<'districtSettings'> = ({ repos, clock }) =>
  new DistrictSettingsService({ users: repos.users, district: repos.district, catalog: repos.catalog, training: repos.training, dashboard: repos.dashboard, clock });
export const dashboardPart: Part<'dashboard'> = ({ repos, clock }) =>
  new DashboardService({ bookings: repos.bookings, training: repos.training, district: repos.district, dashboard: repos.dashboard, attendance: repos.attendance, clock });
// stations and providers
export const stationDeskPart: Part<'stationDesk'> = ({ repos }) => new StationDeskService({ district: repos.district, providers: repos.providers });
