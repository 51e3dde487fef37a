// The demo committee (issue 2 item 9, issue 3 item 10; reference-scenario.md): Thành ủy Hà Tĩnh at
// the time of its 2017 review, or a province-sized committee for benchmarks.
//
// The generator is a list of steps over a shared state (state.ts), in two phases:
// 1. DEMO_STEPS — the tree, the members, the accounts and the business date — in one transaction on
//    an empty database, so a failure there leaves nothing behind;
// 2. CAMPAIGN_STEPS of the scale — the city's 2016 campaign closed and 2017 campaign open; the
//    province's 2024 and 2025 campaigns closed, the merger of 1 July 2025 between them, and 2026
//    open. They reuse the campaign use cases (createCampaign, snapshotPopulation, setAssignments,
//    createOrgUnit, mergeOrgUnits), which open transactions of their own, so they run after phase 1
//    has committed, each writing its bulk rows in its own transactions. A failure there is reported
//    naming the step, and the database is then to be dropped and the demo built again.
// Both phases draw from the same seeded random stream, so a seed rebuilds the same committee.
import { AppError } from '../../../shared/errors.js';
import { BUSINESS_DATE, setSetting } from '../../adapters/db/settings.repository.js';
import { UPPER_BODY_SETTING } from '../documents/document-kit.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { isGrassroots } from '../../domain/org-tree.js';
import type { AppContext } from '../context.js';
import { writeAccounts } from './accounts.js';
import { seedAnnouncements } from './announcements.js';
import type { UnitSpec } from './blueprint.js';
import { CITY_CAMPAIGN_STEPS, CITY_COMPLETE_STEPS } from './campaigns-city.js';
import { PROVINCE_CAMPAIGN_STEPS } from './campaigns-province.js';
import { cityBlueprint } from './city.js';
import { provinceBlueprint, type ProvinceSize } from './province.js';
import { Rng } from './random.js';
import { rootOf, type CampaignState, type CampaignStep, type DemoAccount, type DemoScale, type DemoState, type DemoStep } from './state.js';
import { writeMembers } from './write-members.js';
import { writeTree } from './write-tree.js';

export { DEMO_PASSWORD } from './accounts.js';
export type { DemoAccount, DemoScale } from './state.js';

export interface DemoOptions {
  scale: DemoScale;
  seed?: number;
  onProgress?: (message: string) => void;
  /**
   * For tests: a province of two small districts next to the city instead of the full province
   * (the same steps and campaigns, about 6,000 members); ignored for the city.
   */
  provinceSize?: ProvinceSize;
  /** `tusoi demo --complete`: the city's 2017 campaign carried to its end (reference-scenario.md); city only. */
  complete?: boolean;
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
 * The business date each scale is set to (design §3, Setting): inside the 2017 campaign for the
 * city (its review ran in December 2017); for the province, inside its open 2026 campaign, the last
 * of its three years (2024 and 2025 are closed).
 */
export const DEMO_BUSINESS_DATES: Record<DemoScale, string> = { city: '2017-12-05', province: '2026-12-05' };

function blueprintFor(scale: DemoScale, rng: Rng, provinceSize: ProvinceSize): UnitSpec {
  return scale === 'city' ? cityBlueprint(rng, { code: 'TU', leadersTagged: true }) : provinceBlueprint(rng, provinceSize);
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

/**
 * The city's documents carry "ĐẢNG BỘ TỈNH HÀ TĨNH" above "THÀNH ỦY HÀ TĨNH" (HD 36-HD/VPTW element
 * 2): the province is not in the city's tree, so its name is a setting. A province's own committee
 * has no body above it in the header.
 */
const setDocumentIdentity: DemoStep = {
  name: 'document-identity',
  async run(state) {
    if (state.scale !== 'city') return;
    await setSetting(state.tx, UPPER_BODY_SETTING, 'ĐẢNG BỘ TỈNH HÀ TĨNH', state.now);
  },
};

/** Phase 1, in order, in one transaction (see the note at the top). */
export const DEMO_STEPS: readonly DemoStep[] = [
  writeTree,
  writeMembers,
  writeAccounts,
  setBusinessDate,
  setDocumentIdentity,
  seedAnnouncements,
];

/** Phase 2, in order, after phase 1 has committed. */
export const CAMPAIGN_STEPS: Record<DemoScale, readonly CampaignStep[]> = { city: CITY_CAMPAIGN_STEPS, province: PROVINCE_CAMPAIGN_STEPS };

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
  const rng = new Rng(seed);
  const base = await ctx.db.transaction().execute(async (tx) => {
    // Checked again inside the transaction: two processes starting at once must not both build.
    await assertEmpty({ ...ctx, db: tx });
    const state: DemoState = {
      ctx,
      tx,
      scale: opts.scale,
      seed,
      rng,
      now: ctx.clock.now(),
      businessDate: DEMO_BUSINESS_DATES[opts.scale],
      blueprint: blueprintFor(opts.scale, rng, opts.provinceSize ?? 'full'),
      units: [],
      unitsByTag: new Map(),
      membersByTag: new Map(),
      standingCommittees: new Map(),
      secretaries: new Map(),
      memberCount: 0,
      accounts: [],
      directorAccounts: new Map(),
      progress,
    };
    for (const step of DEMO_STEPS) await step.run(state);
    return state;
  });
  const { tx: _committed, ...rest } = base;
  void _committed;
  const accounts = await ctx.db.selectFrom('accounts').select(['id', 'username']).execute();
  const later: CampaignState = { ...rest, now: ctx.clock.now(), accountIds: new Map(accounts.map((a) => [a.username, a.id])) };
  const steps = opts.complete && opts.scale === 'city' ? CITY_COMPLETE_STEPS : CAMPAIGN_STEPS[opts.scale];
  for (const step of steps) {
    try {
      await step.run(later);
    } catch (e) {
      throw new Error(
        `Đã tạo tổ chức, đảng viên và tài khoản mẫu nhưng bước "${step.name}" của dữ liệu mẫu thất bại: ${(e as Error).message}. ` +
          'Hãy xóa cơ sở dữ liệu này và chạy lại lệnh tạo dữ liệu mẫu.',
        { cause: e },
      );
    }
  }
  const result: DemoResult = {
    committeeId: rootOf(later).id,
    units: later.units.length,
    grassroots: later.units.filter((u) => isGrassroots(u.kind) && !u.mergedInto).length,
    members: later.memberCount,
    accounts: later.accounts,
  };
  await ctx.handle.afterBulkLoad();
  const seconds = ((ctx.clock.nowMs() - started) / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  progress(
    `Đã tạo dữ liệu mẫu: ${result.units.toLocaleString('vi-VN')} tổ chức đảng (${result.grassroots.toLocaleString('vi-VN')} tổ chức cơ sở đảng), ` +
      `${result.members.toLocaleString('vi-VN')} đảng viên, ${result.accounts.length} tài khoản, trong ${seconds} giây.`,
  );
  return result;
}
