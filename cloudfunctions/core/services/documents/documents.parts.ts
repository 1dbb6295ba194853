import type { Part } from '../composition';
import { CertificateService } from './certificate.service';
import { ExportService } from '../exports/export.service';

// documents — certificates: issuance, the list and the public check; rendering is the documents function's.
export const certificatesPart: Part<'certificates'> = ({ repos, clock, config }) =>
  new CertificateService({
    certificates: repos.certificates,
    attendance: repos.attendance,
    volunteers: repos.volunteers,
    district: repos.district,
    users: repos.users,
    clock,
    publicBaseUrl: () => config.publicBaseUrl,
  });

// exports — the staff's XLSX and PDF files; the summary's numbers are the dashboard's own.
export const exportsPart: Part<'exports'> = (c) =>
  new ExportService({
    bookings: c.repos.bookings,
    attendance: c.repos.attendance,
    district: c.repos.district,
    providers: c.repos.providers,
    users: c.repos.users,
    volunteers: c.repos.volunteers,
    dashboard: c.services.dashboard,
    clock: c.clock,
  });
