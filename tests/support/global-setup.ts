import { IN_CI, postgresAvailable, prepareTemplate } from './databases.js';

export default async function setup(): Promise<void> {
  if (await postgresAvailable()) {
    await prepareTemplate();
  } else if (IN_CI) {
    throw new Error('PostgreSQL is not reachable, and CI=true turns that into a failure.');
  } else {
    console.warn('[tests] PostgreSQL not reachable: its tests will be skipped (outside CI only).');
  }
}
