import type { Db } from 'mongodb';
import type { CollectionIndexes } from '../db/indexes';
import { CatalogRepository } from './catalog.repository';
import { DistrictRepository, districtIndexes } from './district.repository';
import { MetaRepository } from './meta.repository';
import { ProviderRepository, providerIndexes } from './provider.repository';
import { UserRepository, userIndexes } from './user.repository';

export type Repositories = {
  users: UserRepository;
  district: DistrictRepository;
  catalog: CatalogRepository;
  providers: ProviderRepository;
  meta: MetaRepository;
};

/** Every collection's declared indexes, created idempotently when an app starts. */
export const allIndexes: CollectionIndexes[] = [userIndexes, ...districtIndexes, providerIndexes];

export function createRepositories(db: Db): Repositories {
  return {
    users: new UserRepository(db),
    district: new DistrictRepository(db),
    catalog: new CatalogRepository(db),
    providers: new ProviderRepository(db),
    meta: new MetaRepository(db),
  };
}
