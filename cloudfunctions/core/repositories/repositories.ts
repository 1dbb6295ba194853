import type { Db } from 'mongodb';
import type { CollectionIndexes } from '../db/indexes';
import { UserRepository, userIndexes } from './user.repository';

export type Repositories = {
  users: UserRepository;
};

/** Every collection's declared indexes, created idempotently when an app starts. */
export const allIndexes: CollectionIndexes[] = [userIndexes];

export function createRepositories(db: Db): Repositories {
  return {
    users: new UserRepository(db),
  };
}
