import type { TestProject } from 'vitest/node';
import { IN_CI, dropDatabase, postgresAvailable, prepareTemplate } from './databases.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let template: string | null = null;
  if (await postgresAvailable()) {
    template = await prepareTemplate();
    project.provide('pgTemplate', template);
  } else if (IN_CI) {
    throw new Error('PostgreSQL is not reachable, and CI=true turns that into a failure.');
  } else {
    console.warn('[tests] PostgreSQL not reachable: its tests will be skipped (outside CI only).');
    project.provide('pgTemplate', '');
  }
  return async () => {
    if (template) await dropDatabase(template);
  };
}
