// What the demo generator's steps share. Each step (build-demo.ts, DEMO_STEPS) reads what earlier
// steps left here and adds its own part; the campaigns of later issues are further steps that find
// the committee, its Standing Committee, the secretaries and the tagged people here.
import type { Transaction } from 'kysely';
import type { OrgKind, Role, Sector } from '../../../shared/vocabulary.js';
import type { Database } from '../../adapters/db/schema.js';
import type { AppContext } from '../context.js';
import type { UnitSpec } from './blueprint.js';
import type { Rng } from './random.js';

export type DemoScale = 'city' | 'province';

export interface DemoUnit {
  id: string;
  parentId: string | null;
  path: string;
  code: string;
  name: string;
  kind: OrgKind;
  sector: Sector | null;
  spec: UnitSpec;
  /** Set on the units a merger ended (the province's 1 July 2025): kept as history, no longer counted. */
  mergedInto?: string;
}

export interface DemoMember {
  id: string;
  fullName: string;
  unitId: string;
  unitPath: string;
  partyPosts: string | null;
  governmentPosts: string | null;
}

/** One demo login, printed at start-up and listed in the README. */
export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  unitName: string;
  note: string;
}

export interface DemoState {
  readonly ctx: AppContext;
  readonly tx: Transaction<Database>;
  readonly scale: DemoScale;
  readonly seed: number;
  /** One stream for the whole build: steps draw from it in a fixed order, so a seed rebuilds the same data. */
  readonly rng: Rng;
  /** Real time of the build (created_at, audit). */
  readonly now: string;
  /** The business date the demo is set to (design §3, Setting): dates of people are relative to it. */
  readonly businessDate: string;
  readonly blueprint: UnitSpec;
  units: DemoUnit[];
  unitsByTag: Map<string, DemoUnit>;
  membersByTag: Map<string, DemoMember>;
  /** Members of a committee's Standing Committee, by the committee's tag ("city", "province"). */
  standingCommittees: Map<string, DemoMember[]>;
  /** Secretary of each chi bộ and of each đảng ủy: unit id → member id. */
  secretaries: Map<string, string>;
  memberCount: number;
  accounts: DemoAccount[];
  /**
   * Accounts of the Standing Committee members who direct units in the campaigns (design §2:
   * `director` comes only from assignments), by the committee's tag; usernames, in roster order.
   */
  directorAccounts: Map<string, string[]>;
  progress(message: string): void;
}

export interface DemoStep {
  name: string;
  run(state: DemoState): Promise<void>;
}

/**
 * What the campaign steps share. They run after the tree, the members and the accounts are
 * committed: the campaign use cases they reuse (createCampaign, snapshotPopulation, the org-unit
 * merger) open transactions of their own, and each step writes its bulk rows in its own ones.
 */
export interface CampaignState extends Omit<DemoState, 'tx'> {
  /** Account id by username. */
  accountIds: Map<string, string>;
}

export interface CampaignStep {
  name: string;
  run(state: CampaignState): Promise<void>;
}

export function rootOf(state: Pick<DemoState, 'units'>): DemoUnit {
  const root = state.units[0];
  if (!root || root.parentId !== null) throw new Error('demo: the tree has not been written yet');
  return root;
}
