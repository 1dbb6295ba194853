import type { Part } from '../composition';
import { CertificateService } from './certificate.service';

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
