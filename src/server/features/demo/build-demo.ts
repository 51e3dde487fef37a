// The demo committee (issue 2 item 9; reference-scenario.md): Thành ủy Hà Tĩnh at the time of its
// 2017 review, or a province-sized committee for benchmarks, built on an empty database in one
// transaction, so a failed build leaves nothing behind.
//
// The generator is a list of steps (DEMO_STEPS) over a shared state (state.ts). The campaigns of
// later issues plug in as further steps after `members` and `accounts`: the 2016 campaign closed
// (levels published, shortcomings, remediation), the 2017 campaign open with units at every stage,
// `--complete`, and the 2024–2026 campaigns of the province. They find the committee, its Standing
// Committee (state.standingCommittees), the secretaries and the tagged people in the state, and
// draw from the same seeded random stream, after the steps before them.
import { sql } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import { BUSINESS_DATE, setSetting } from '../../adapters/db/settings.repository.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { isGrassroots } from '../../domain/org-tree.js';
import type { AppContext } from '../context.js';
import { writeAccounts } from './accounts.js';
import type { UnitSpec } from './blueprint.js';
import { cityBlueprint } from './city.js';
import { provinceBlueprint } from './province.js';
import { Rng } from './random.js';
import { rootOf, type DemoAccount, type DemoScale, type DemoState, type DemoStep } from './state.js';
import { writeMembers } from './write-members.js';
import { writeTree } from './write-tree.js';

export { DEMO_PASSWORD } from './accounts.js';
export type { DemoAccount, DemoScale } from './state.js';

export interface DemoOptions {
  scale: DemoScale;
  seed?: number;
  onProgress?: (message: string) => void;
}

export interface DemoResult {
  committeeId: string;
  units: number;
  grassroots: number;
  members: number;
  accounts: DemoAccount[];
}

export const DEFAULT_SEED = 2017;

/**
 * The business date each scale is set to: inside the 2017 campaign for the city (its review ran in
 * December 2017); for the province, inside the 2024 campaign, the first of its three years, while
 * districts still existed (they were abolished on 01/7/2025).
 */
export const DEMO_BUSINESS_DATES: Record<DemoScale, string> = { city: '2017-12-05', province: '2024-12-05' };

function blueprintFor(scale: DemoScale, rng: Rng): UnitSpec {
  return scale === 'city' ? cityBlueprint(rng, { code: 'TU', leadersTagged: true }) : provinceBlueprint(rng);
}

const setBusinessDate: DemoStep = {
  name: 'business-date',
  async run(state) {
    await setSetting(state.tx, BUSINESS_DATE, state.businessDate, state.now);
    await recordAudit(state.tx, {
      entityType: 'setting',
      entityId: BUSINESS_DATE,
      action: 'setting.update',
      actorId: null,
      scopePath: null,
      at: state.now,
      after: { value: state.businessDate },
    });
  },
};

/** In order. Later issues add their campaign steps at the end (see the note at the top). */
export const DEMO_STEPS: readonly DemoStep[] = [writeTree, writeMembers, writeAccounts, setBusinessDate];

async function assertEmpty(ctx: AppContext): Promise<void> {
  const units = await ctx.db
    .selectFrom('org_units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const accounts = await ctx.db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(units.n) > 0 || Number(accounts.n) > 0) {
    throw new AppError(
      'demo.not_empty',
      `Không thể tạo dữ liệu mẫu: cơ sở dữ liệu đã có ${Number(units.n).toLocaleString('vi-VN')} tổ chức đảng và ${Number(accounts.n).toLocaleString('vi-VN')} tài khoản. ` +
        'Dữ liệu mẫu chỉ được tạo trên một cơ sở dữ liệu trống.',
    );
  }
}

export async function buildDemo(ctx: AppContext, opts: DemoOptions): Promise<DemoResult> {
  const started = ctx.clock.nowMs();
  const progress = opts.onProgress ?? (() => undefined);
  const seed = opts.seed ?? DEFAULT_SEED;
  await assertEmpty(ctx);
  const result = await ctx.db.transaction().execute(async (tx) => {
    // Checked again inside the transaction: two processes starting at once must not both build.
    await assertEmpty({ ...ctx, db: tx });
    const rng = new Rng(seed);
    const state: DemoState = {
      ctx,
      tx,
      scale: opts.scale,
      seed,
      rng,
      now: ctx.clock.now(),
      businessDate: DEMO_BUSINESS_DATES[opts.scale],
      blueprint: blueprintFor(opts.scale, rng),
      units: [],
      unitsByTag: new Map(),
      membersByTag: new Map(),
      standingCommittees: new Map(),
      secretaries: new Map(),
      memberCount: 0,
      accounts: [],
      progress,
    };
    for (const step of DEMO_STEPS) await step.run(state);
    return {
      committeeId: rootOf(state).id,
      units: state.units.length,
      grassroots: state.units.filter((u) => isGrassroots(u.kind)).length,
      members: state.memberCount,
      accounts: state.accounts,
    };
  });
  // Fresh statistics for the query planners after a bulk load (the same statement on both databases).
  await sql`analyze`.execute(ctx.db);
  const seconds = ((ctx.clock.nowMs() - started) / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  progress(
    `Đã tạo dữ liệu mẫu: ${result.units.toLocaleString('vi-VN')} tổ chức đảng (${result.grassroots.toLocaleString('vi-VN')} tổ chức cơ sở đảng), ` +
      `${result.members.toLocaleString('vi-VN')} đảng viên, ${result.accounts.length} tài khoản, trong ${seconds} giây.`,
  );
  return result;
}
