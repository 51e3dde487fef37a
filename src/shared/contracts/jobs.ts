import { z } from 'zod';
import { JOB_STATUSES } from '../vocabulary.js';

export const rowProblem = z.object({ row: z.number(), column: z.string(), message: z.string() });
export type RowProblem = z.infer<typeof rowProblem>;

export const importSummary = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });

export const jobView = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  progress: z.number(),
  total: z.number(),
  result: importSummary.nullable(),
  error: z.object({ code: z.string(), message: z.string(), problems: z.array(rowProblem).optional() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type JobView = z.infer<typeof jobView>;

/** An import answers at once for small files, or with a job to follow for large ones. */
export const importResponse = z.union([
  z.object({ mode: z.literal('done'), summary: importSummary }),
  z.object({ mode: z.literal('job'), job: jobView }),
]);
