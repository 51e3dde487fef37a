// Runs a block of tests once per dialect, each with its own migrated database.
import { describe } from 'vitest';
import type { DialectName } from '../../src/server/adapters/db/dialect.js';
import { DIALECTS, IN_CI, postgresAvailable } from './databases.js';

const pgUp = await postgresAvailable();

export function describeEachDialect(name: string, body: (dialect: DialectName) => void): void {
  for (const dialect of DIALECTS) {
    const skip = dialect === 'postgres' && !pgUp && !IN_CI;
    (skip ? describe.skip : describe)(`${name} [${dialect}]`, () => body(dialect));
  }
}
