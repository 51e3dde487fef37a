// The authorization matrix (issue 6 item 1), on SQLite and PostgreSQL: every operation of the
// OpenAPI document × every role of design §2 × a resource inside and the nearest one outside the
// caller's subtrees (and before and after publication of the classification results, or approval of
// the plan, where it matters), sent through
// every middleware of the real app and compared with the outcome written by hand in
// authorization-expectations.ts. Without a session every operation but the public ones answers 401.
// No list returns a row outside the caller's subtrees (checked against the fixture tree, by hand),
// and every row a list returns opens for the same caller.
//
// The cases of one operation run refusals first, so that an allowed write (which may move the
// resource on, e.g. submit a review) never changes what a refused one meets; workflow steps get
// their resource in the state the step starts from, so that a role refused by the transition table
// hears 403 and not "wrong state". Reads run first, then writes, then publication and what follows
// it, then deletions and sessions ending. One world per dialect (authorization-fixture.ts).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/server/adapters/clock.js';
import { createSession } from '../../src/server/adapters/auth/sessions.repository.js';
import { SESSION_COOKIE } from '../../src/server/adapters/http/routes/auth.routes.js';
import { createApiToken } from '../../src/server/features/accounts/create-api-token.js';
import { isWithinPath } from '../../src/server/domain/org-tree.js';
import { DOCUMENT, OPERATIONS, type Operation } from '../fuzz/contract.js';
import { send, type Answer, type Body, type Caller } from '../fuzz/world.js';
import { describeEachDialect } from '../support/each-dialect.js';
import { makeAccount, makeMember, makeUnit, TEST_PASSWORD, type UnitRef } from '../support/factories.js';
import {
  ANON,
  buildWorld,
  CURRENT_YEAR,
  fileForm,
  lastAttachment,
  LATE_YEAR,
  OUTSIDE,
  ROLES,
  type Account,
  type Committee,
  type Place,
  type Role,
  type World,
} from './authorization-fixture.js';
import { EXPECTATIONS, type Rule } from './authorization-expectations.js';

// ── Requests ───────────────────────────────────────────────────────────────────────────────────

/**
 * What a case acts on:
 * - self: the caller's own session or account, or the whole of what the caller sees (a list);
 * - own: a row of the caller's own account (a token, a notice, a job) — outside: another account's;
 * - committee: a campaign (or the committee) — outside: committee B's, for every role;
 * - place: a member, a chi bộ or what belongs to them — outside: the place just outside the role.
 */
type Scope = 'self' | 'own' | 'committee' | 'place';
type Where = 'in' | 'out';

interface Case {
  w: World;
  role: Role | 'anonymous';
  where: Where;
  /** The place acted on: in, or the role's outside place (committee scope: B's). */
  p: Place;
  c: Committee;
  /** The account whose own rows are acted on (scope `own`). */
  owner: Account;
  variant: string;
}

interface Req {
  params?: Record<string, string | number>;
  query?: Record<string, string | number>;
  body?: unknown;
  /** Sent with another session of the same account (sessions that the case ends). */
  as?: Caller;
}

interface Spec {
  /** The variants of the operation's line in the table (none: one line). */
  variants?: string[];
  scope: Scope | ((variant: string) => Scope);
  /** 1 reads, 2 writes, 3 publication, 4 after publication, 5 deletions and sessions ending. */
  phase: 1 | 2 | 3 | 4 | 5;
  /** The phase of each variant, where they differ (e.g. after publication: 4). */
  phaseOf?: (variant: string) => 1 | 2 | 3 | 4 | 5;
  /**
   * Brings the resource acted on into the state the operation starts from, before every case: each
   * allowed role meets the step it may take (not "already done" by the role before it), and each
   * refused one meets a step it could take but for its role.
   */
  before?: (w: World, variant: string) => Promise<void>;
  build: (x: Case) => Req | Promise<Req>;
  list?: ListCheck;
  /** What an allowed answer must (not) show the caller; null when it is right. */
  check?: (x: Case, body: any) => string | null;
}

interface Row {
  /** What the row is, for messages. */
  label: string;
  unitId?: string | null;
  memberId?: string | null;
  accountId?: string | null;
  /** A campaign's owner: every role of A reads A's campaigns (its own part of them), never B's. */
  ownerId?: string;
  /** The audit event's scope path (audit.list), read from the table. */
  auditId?: string;
  /** The get-by-id request of the row, when the API has one. */
  open?: { operationId: string; params: Record<string, string | number>; query?: Record<string, string | number> };
}

interface ListCheck {
  rows: (body: any, x: Case) => Row[];
  /** Announcements reach the chi bộ below the posting unit (design §2 "R announcements"). */
  ancestorsVisible?: boolean;
  /** The list is paged (`page`, `total`): every page is read and checked, not only the first. */
  paged?: boolean;
}

const OP_BY_ID = new Map(OPERATIONS.map((o) => [o.operationId, o]));

const DAY = '2024-12-10';
let serial = 0;
const unique = (prefix: string) => `${prefix}${++serial}${Math.random().toString(36).slice(2, 6)}`;

async function versionOf(w: World, table: string, id: string): Promise<number> {
  const r = await sql<{ version: number }>`select version from ${sql.table(table)} where id = ${id}`.execute(w.ctx.db);
  return Number(r.rows[0]?.version ?? 1);
}

async function campaignUnit(w: World, campaignId: string, unitId: string) {
  return w.ctx.db
    .selectFrom('campaign_units')
    .select(['id', 'version', 'stage'])
    .where('campaign_id', '=', campaignId)
    .where('unit_id', '=', unitId)
    .executeTakeFirstOrThrow();
}

async function setStage(w: World, campaignId: string, unitId: string, stage: string, needsAppraisal: boolean) {
  await w.ctx.db
    .updateTable('campaign_units')
    .set({ stage, needs_appraisal: needsAppraisal ? 1 : 0 })
    .where('campaign_id', '=', campaignId)
    .where('unit_id', '=', unitId)
    .execute();
}

async function reviewRow(w: World, campaignId: string, kind: string, key: string) {
  return w.ctx.db
    .selectFrom('reviews')
    .select(['id', 'version', 'status'])
    .where('campaign_id', '=', campaignId)
    .where('subject_kind', '=', kind)
    .where('subject_key', '=', key)
    .executeTakeFirst();
}

/** The member subject of a review variant, or the chi bộ for the collective. */
function reviewSubject(x: Case): { subjectKind: string; subjectKey: string } {
  if (x.variant === 'collective') return { subjectKind: 'collective', subjectKey: x.p.cell.id };
  if (x.variant === 'leader') return { subjectKind: 'member', subjectKey: x.p.leader.id };
  return { subjectKind: 'member', subjectKey: x.p.member.id };
}

function reviewParams(x: Case) {
  return { campaignId: x.c.currentId, ...reviewSubject(x) };
}

/**
 * Puts the in-place reviews (Thúy's and chi bộ 1's) in `status`, straight in the table: the steps
 * themselves (answers to suggestions, completeness) are reviews.test.ts's.
 */
async function reviewsTo(w: World, status: 'draft' | 'submitted' | 'finalized') {
  const p = w.places.in;
  for (const [kind, key] of [
    ['member', p.member.id],
    ['collective', p.cell.id],
  ] as const) {
    await w.ctx.db
      .updateTable('reviews')
      .set({ status })
      .where('campaign_id', '=', p.committee.currentId)
      .where('subject_kind', '=', kind)
      .where('subject_key', '=', key)
      .execute();
  }
}

/** Puts the in-place conference (chi bộ 1, current campaign) in session, as its committee. */
async function conferenceInSession(w: World) {
  const p = w.places.in;
  const row = await w.ctx.db
    .selectFrom('conferences')
    .select(['status', 'version'])
    .where('id', '=', p.current.conferenceId)
    .executeTakeFirstOrThrow();
  if (row.status === 'scheduled') {
    await w.ok(await w.as(p.committeeAccount.username), 'POST', `/api/conferences/${p.current.conferenceId}/start`, {
      version: row.version,
    });
  } else if (row.status !== 'in_progress') {
    await w.ctx.db.updateTable('conferences').set({ status: 'in_progress' }).where('id', '=', p.current.conferenceId).execute();
  }
}

const memberReviewContent = {
  shortcomings: [{ key: 'h1', text: 'Còn ngại va chạm', causeKind: 'subjective', cause: 'Chưa mạnh dạn' }],
  selfLevel: 'good',
};

const throwawayMember = (x: Case) => makeMember(x.w.ctx.db, x.p.cell, `Ngô Văn Tạm ${++serial}`, { gender: 'male' });
const throwawayAccount = (x: Case) =>
  makeAccount(x.w.ctx.db, { username: unique('authz.spare.'), grants: [{ role: 'member', unit: x.p.cell }] });

// Every operation of the document, in the order its cases run.
const SPECS: Record<string, Spec> = {
  // ── Phase 1: reads (classification results before publication) ───────────────────────────────
  'me.get': { scope: 'self', phase: 1, build: () => ({}) },
  'tokens.list': { scope: 'self', phase: 1, build: () => ({}) },
  'notifications.list': { scope: 'self', phase: 1, build: () => ({}) },
  'notifications.unread-count': { scope: 'self', phase: 1, build: () => ({}) },
  'notifications.preferences': { scope: 'self', phase: 1, build: () => ({}) },
  'inbox.get': { scope: 'self', phase: 1, build: () => ({}) },
  'jobs.get': { scope: 'own', phase: 1, build: (x) => ({ params: { id: jobs.get(x.owner.id)! } }) },
  'rule-sets.list': { scope: 'self', phase: 1, build: () => ({}) },
  'rule-sets.get': { scope: 'self', phase: 1, build: () => ({ params: { id: ruleSetId } }) },
  'imports.members-template': { scope: 'self', phase: 1, build: () => ({}) },
  'imports.org-units-template': { scope: 'self', phase: 1, build: () => ({}) },
  'year-facts.template': { scope: 'self', phase: 1, build: () => ({}) },
  'org-units.list': {
    scope: 'self',
    phase: 1,
    // The whole tree asked for: the answer holds only what the caller may read.
    build: (x) => ({ query: { subtree: x.w.province.id, pageSize: 200 } }),
    list: {
      rows: (b) =>
        b.items.map((u: any) => ({
          label: `đơn vị ${u.name}`,
          unitId: u.id,
          open: { operationId: 'org-units.get', params: { id: u.id } },
        })),
    },
  },
  'org-units.get': { scope: 'place', phase: 1, build: (x) => ({ params: { id: x.p.cell.id } }) },
  'org-units.history': { scope: 'place', phase: 1, build: (x) => ({ params: { id: x.p.cell.id } }) },
  'members.list': {
    scope: 'self',
    phase: 1,
    build: () => ({ query: { pageSize: 200 } }),
    list: {
      rows: (b) =>
        b.items.map((m: any) => ({
          label: `đảng viên ${m.fullName}`,
          memberId: m.id,
          open: { operationId: 'members.get', params: { id: m.id } },
        })),
    },
  },
  'members.get': { scope: 'place', phase: 1, build: (x) => ({ params: { id: x.p.member.id } }) },
  'members.history': { scope: 'place', phase: 1, build: (x) => ({ params: { id: x.p.member.id } }) },
  'members.export': { scope: 'place', phase: 1, build: (x) => ({ query: { unit: x.p.cell.id } }) },
  'accounts.list': {
    scope: 'self',
    phase: 1,
    build: () => ({ query: { pageSize: 200 } }),
    list: {
      rows: (b) =>
        b.items.map((a: any) => ({
          label: `tài khoản ${a.username}`,
          accountId: a.id,
          open: { operationId: 'accounts.get', params: { id: a.id } },
        })),
    },
  },
  'accounts.get': { scope: 'place', phase: 1, build: (x) => ({ params: { id: x.p.committeeAccount.id } }) },
  'audit.list': {
    scope: 'self',
    phase: 1,
    build: () => ({ query: { pageSize: 200 } }),
    list: { paged: true, rows: (b) => b.items.map((e: any) => ({ label: `nhật ký ${e.action} ${e.entityType}`, auditId: e.id })) },
  },
  'campaigns.list': {
    scope: 'self',
    phase: 1,
    build: () => ({}),
    list: {
      rows: (b) =>
        b.items.map((c: any) => ({
          label: `đợt ${c.title}`,
          ownerId: c.ownerUnitId,
          open: { operationId: 'campaigns.get', params: { id: c.id } },
        })),
    },
  },
  'campaigns.get': { scope: 'committee', phase: 1, build: (x) => ({ params: { id: x.c.currentId } }) },
  'campaigns.population': {
    scope: 'committee',
    phase: 1,
    build: (x) => ({ params: { id: x.c.currentId }, query: { pageSize: 200 } }),
    list: { rows: (b) => b.items.map((m: any) => ({ label: `đảng viên ${m.fullName} của đợt`, memberId: m.memberId, unitId: m.unitId })) },
  },
  'campaigns.cockpit': {
    scope: 'committee',
    phase: 1,
    build: (x) => ({ params: { id: x.c.currentId }, query: { pageSize: 200 } }),
    list: { rows: (b) => b.items.map((u: any) => ({ label: `tiến độ ${u.name}`, unitId: u.unitId })) },
  },
  // Before (phase 1) and after (phase 4) the plan is approved by plans.approve in phase 2.
  'plans.get': {
    variants: ['draft', 'approved'],
    scope: 'committee',
    phase: 1,
    phaseOf: (v) => (v === 'approved' ? 4 : 1),
    build: (x) => ({ params: { id: x.c.currentId } }),
  },
  'assignments.list': {
    scope: 'committee',
    phase: 1,
    build: (x) => ({ params: { id: x.c.currentId } }),
    list: { rows: (b) => b.items.map((a: any) => ({ label: `phân công ${a.unitName}`, unitId: a.unitId })) },
  },
  'assignments.units': {
    scope: 'committee',
    phase: 1,
    build: (x) => ({ params: { id: x.c.currentId } }),
    // The units with their stage (campaign rows, read by admin too): no get-by-id of their own.
    list: { rows: (b) => b.items.map((u: any) => ({ label: `đơn vị ${u.name} của đợt`, unitId: u.unitId })) },
  },
  'assignments.assignees': {
    scope: 'committee',
    phase: 1,
    build: (x) => ({ params: { id: x.c.currentId } }),
    list: { rows: (b) => b.items.map((a: any) => ({ label: `người ${a.username}`, accountId: a.accountId })) },
  },
  'assignments.workload': {
    scope: 'committee',
    phase: 1,
    build: (x) => ({ params: { id: x.c.currentId } }),
    list: {
      rows: (b) =>
        b.people.flatMap((p: any) => [
          { label: `người ${p.username}`, accountId: p.accountId },
          ...p.units.map((u: any) => ({ label: `đơn vị ${u.name} của ${p.username}`, unitId: u.unitId })),
        ]),
    },
  },
  'assignments.mine': { scope: 'committee', phase: 1, build: (x) => ({ params: { id: x.c.currentId } }) },
  'suggestions.list': {
    scope: 'committee',
    phase: 1,
    build: (x) => ({ params: { id: x.c.currentId } }),
    list: {
      rows: (b) =>
        b.items.map((s: any) => ({
          label: `gợi ý cho ${s.target.memberName ?? s.target.unitName}`,
          unitId: s.target.unitId,
          memberId: s.target.memberId,
          open: { operationId: 'suggestions.get', params: { id: s.id } },
        })),
    },
  },
  'suggestions.get': {
    variants: ['member', 'draft'],
    scope: 'place',
    phase: 1,
    build: (x) => ({ params: { id: x.variant === 'draft' ? x.p.current.unitSuggestionId : x.p.current.memberSuggestionId } }),
  },
  'commitments.list': { scope: 'place', phase: 1, build: (x) => ({ params: { id: x.p.member.id } }) },
  'year-facts.list': {
    scope: 'place',
    phase: 1,
    build: (x) => ({ query: { unitId: x.p.cell.id, year: CURRENT_YEAR, pageSize: 200 } }),
    list: {
      rows: (b) =>
        b.items.map((m: any) => ({
          label: `thông tin trong năm của ${m.fullName}`,
          memberId: m.memberId,
          open: m.facts ? { operationId: 'year-facts.get', params: { id: m.memberId, year: CURRENT_YEAR } } : undefined,
        })),
    },
  },
  'year-facts.by-member': { scope: 'place', phase: 1, build: (x) => ({ params: { id: x.p.member.id } }) },
  'year-facts.get': { scope: 'place', phase: 1, build: (x) => ({ params: { id: x.p.member.id, year: CURRENT_YEAR } }) },
  'reviews.mine': { scope: 'self', phase: 1, build: () => ({}) },
  'reviews.list': {
    scope: 'place',
    phase: 1,
    build: (x) => ({ params: { campaignId: x.c.currentId, unitId: x.p.cell.id }, query: { pageSize: 200 } }),
    list: {
      rows: (b, x) =>
        b.items.map((m: any) => ({
          label: `bản kiểm điểm của ${m.fullName}`,
          memberId: m.memberId,
          open: { operationId: 'reviews.get', params: { campaignId: x.c.currentId, subjectKind: 'member', subjectKey: m.memberId } },
        })),
    },
  },
  'reviews.get': { variants: ['member', 'leader', 'collective'], scope: 'place', phase: 1, build: (x) => ({ params: reviewParams(x) }) },
  'reviews.revisions': { variants: ['member', 'collective'], scope: 'place', phase: 1, build: (x) => ({ params: reviewParams(x) }) },
  'reviews.revision': {
    variants: ['member', 'collective'],
    scope: 'place',
    phase: 1,
    build: (x) => ({ params: { ...reviewParams(x), revision: 1 } }),
  },
  'dossiers.list': {
    scope: 'committee',
    phase: 1,
    build: (x) => ({ params: { campaignId: x.c.currentId }, query: { pageSize: 200 } }),
    list: {
      rows: (b, x) =>
        b.items.map((d: any) => ({
          label: `hồ sơ ${d.unitName}`,
          unitId: d.unitId,
          open: { operationId: 'dossiers.get', params: { campaignId: x.c.currentId, unitId: d.unitId } },
        })),
    },
  },
  'dossiers.get': { scope: 'place', phase: 1, build: (x) => ({ params: { campaignId: x.c.currentId, unitId: x.p.cell.id } }) },
  'conferences.list': {
    scope: 'committee',
    phase: 1,
    build: (x) => ({ params: { campaignId: x.c.currentId }, query: { pageSize: 200 } }),
    list: {
      rows: (b) =>
        b.items.map((c: any) => ({
          label: `hội nghị ${c.unitName}`,
          unitId: c.unitId,
          open: { operationId: 'conferences.get', params: { conferenceId: c.id } },
        })),
    },
  },
  'conferences.get': { scope: 'place', phase: 1, build: (x) => ({ params: { conferenceId: x.p.current.conferenceId } }) },
  'remediation.mine': { scope: 'self', phase: 1, build: () => ({}) },
  'remediation.list': {
    scope: 'committee',
    phase: 1,
    build: (x) => ({ params: { campaignId: x.c.lateId }, query: { pageSize: 200 } }),
    list: {
      rows: (b, x) =>
        b.items.map((r: any) => ({
          label: `kế hoạch khắc phục của ${r.subjectName}`,
          unitId: r.unitId,
          memberId: r.subjectKind === 'member' ? r.subjectKey : null,
          open: {
            operationId: 'remediation.get',
            params: { campaignId: x.c.lateId, subjectKind: r.subjectKind, subjectKey: r.subjectKey },
          },
        })),
    },
  },
  'remediation.get': {
    scope: 'place',
    phase: 1,
    build: (x) => ({ params: { campaignId: x.c.lateId, subjectKind: 'member', subjectKey: x.p.member.id } }),
  },
  'shortcomings.history': { scope: 'place', phase: 1, build: (x) => ({ params: { id: x.p.late.shortcomingId } }) },
  'classification.mine': { scope: 'self', phase: 1, build: () => ({}) },
  'classification.board': {
    variants: ['before', 'after'],
    scope: 'place',
    phase: 1,
    phaseOf: (v) => (v === 'after' ? 4 : 1),
    build: (x) => ({ params: { campaignId: x.c.lateId }, query: { unitId: x.p.cell.id } }),
  },
  'classification.decisions': {
    variants: ['before', 'after'],
    scope: 'committee',
    phase: 1,
    phaseOf: (v) => (v === 'after' ? 4 : 1),
    build: (x) => ({ params: { campaignId: x.c.lateId } }),
    list: { rows: (b) => b.items.map((d: any) => ({ label: `quyết định ${d.number}`, unitId: d.decidingUnitId })) },
  },
  'classification.get': {
    variants: ['before', 'after'],
    scope: 'place',
    phase: 1,
    phaseOf: (v) => (v === 'after' ? 4 : 1),
    build: (x) => ({ params: { campaignId: x.c.lateId, subjectKind: 'member', subjectKey: x.p.member.id } }),
    // Before publication the member reads their own self level and nothing else (design §2).
    check: (x, b) =>
      x.role === 'member' && x.variant === 'before' && (b.decidedLevel !== null || b.proposedLevel !== null || b.decisionNumber !== null)
        ? `the member reads the unpublished result: ${JSON.stringify({ d: b.decidedLevel, p: b.proposedLevel, n: b.decisionNumber })}`
        : x.variant === 'after' && b.decidedLevel !== 'excellent'
          ? `after publication the decided level is missing: ${b.decidedLevel}`
          : null,
  },
  'classification.commendations': {
    variants: ['before', 'after'],
    scope: 'committee',
    phase: 1,
    phaseOf: (v) => (v === 'after' ? 4 : 1),
    build: (x) => ({ params: { campaignId: x.c.lateId } }),
    list: {
      rows: (b) =>
        b.lists.flatMap((l: any) =>
          l.items.map((i: any) => ({
            label: `${l.title}: ${i.name}`,
            memberId: i.subjectKind === 'member' ? i.subjectKey : null,
            unitId: i.subjectKind === 'member' ? null : i.subjectKey,
          })),
        ),
    },
  },
  'documents.settings': { scope: 'self', phase: 1, build: () => ({}) },
  'documents.draft': {
    scope: 'place',
    phase: 1,
    build: (x) => ({ query: { kind: 'collective_report', campaignId: x.c.currentId, subjectId: x.p.cell.id } }),
  },
  'documents.draft-file': {
    scope: 'place',
    phase: 1,
    build: (x) => ({ params: { as: 'docx' }, query: { kind: 'collective_report', campaignId: x.c.currentId, subjectId: x.p.cell.id } }),
  },
  'documents.list': {
    scope: 'self',
    phase: 1,
    build: () => ({ query: { limit: 200 } }),
    list: {
      rows: (b) =>
        b.items.map((d: any) => ({
          label: `văn bản ${d.numberText}`,
          unitId: d.issuerUnitId,
          open: { operationId: 'documents.get', params: { id: d.id } },
        })),
    },
  },
  'documents.get': { scope: 'place', phase: 1, build: (x) => ({ params: { id: x.p.current.documentId } }) },
  'documents.file': { scope: 'place', phase: 1, build: (x) => ({ params: { id: x.p.current.documentId, as: 'docx' } }) },
  'announcements.list': {
    scope: 'self',
    phase: 1,
    build: () => ({ query: { pageSize: 100 } }),
    list: { ancestorsVisible: true, rows: (b) => b.items.map((a: any) => ({ label: `tin ${a.title}`, unitId: a.unitId })) },
  },
  'attachments.download': {
    variants: ['draft-plan', 'approved-plan', 'review', 'dossier'],
    scope: (v) => (v.endsWith('plan') ? 'committee' : 'place'),
    phase: 1,
    phaseOf: (v) => (v === 'approved-plan' ? 4 : 1),
    build: (x) => ({
      params: {
        id: x.variant.endsWith('plan')
          ? x.c.planAttachmentId
          : x.variant === 'review'
            ? x.p.current.reviewAttachmentId
            : x.p.current.dossierAttachmentId,
      },
    }),
  },
  'exports.member-levels': {
    scope: 'place',
    phase: 1,
    build: (x) => ({ params: { campaignId: x.c.lateId }, query: { unitId: x.p.cell.id } }),
  },
  'exports.level-totals': {
    scope: 'place',
    phase: 1,
    build: (x) => ({ params: { campaignId: x.c.lateId }, query: { unitId: x.p.cell.id } }),
  },
  'exports.unit-progress': {
    scope: 'place',
    phase: 1,
    build: (x) => ({ params: { campaignId: x.c.currentId }, query: { unitId: x.p.cell.id } }),
  },
  'exports.remediation-tracking': {
    scope: 'place',
    phase: 1,
    build: (x) => ({ params: { campaignId: x.c.lateId }, query: { unitId: x.p.cell.id } }),
  },
  'reports.statistics': {
    scope: 'place',
    phase: 1,
    build: (x) => ({ params: { campaignId: x.c.lateId }, query: { unitId: x.p.cell.id } }),
  },

  // ── Phase 2: writes ──────────────────────────────────────────────────────────────────────────────
  'notifications.save-preferences': { scope: 'self', phase: 2, build: () => ({ body: { dailyDigest: false, email: null } }) },
  'notifications.read-all': { scope: 'self', phase: 2, build: () => ({}) },
  'notifications.read': { scope: 'own', phase: 2, build: (x) => ({ params: { id: notices.get(x.owner.id)! } }) },
  'tokens.create': { scope: 'self', phase: 2, build: () => ({ body: { name: 'Kịch bản báo cáo' } }) },
  // A wrong current password: refused as such (400 auth.wrong_password), the holder's own act —
  // a change would end the other sessions of the account, which the other cases use.
  'me.change-password': {
    scope: 'self',
    phase: 2,
    build: () => ({ body: { currentPassword: 'khong-phai-mat-khau-1', newPassword: 'Kiem-diem-tu-soi-2024' } }),
  },
  'auth.login': { scope: 'self', phase: 2, build: () => ({ body: { username: 'authz.login', password: TEST_PASSWORD } }) },
  'documents.update-settings': { scope: 'self', phase: 2, build: () => ({ body: documentSettings }) },
  'accounts.bulk-members': { scope: 'place', phase: 2, build: (x) => ({ body: { unitId: x.p.cell.id } }) },
  'org-units.create': {
    scope: 'place',
    phase: 2,
    build: (x) => ({ body: { parentId: x.p.grassroots.id, kind: 'cell', code: unique('MOI.'), name: 'Chi bộ khối phố mới' } }),
  },
  'org-units.update': {
    scope: 'place',
    phase: 2,
    build: async (x) => ({
      params: { id: x.p.cell.id },
      body: { version: await versionOf(x.w, 'org_units', x.p.cell.id), name: x.p.cell.name },
    }),
  },
  // Back under its own parent: refused as no move at all by those who may move it.
  'org-units.move': {
    scope: 'place',
    phase: 2,
    build: async (x) => {
      const parent = await x.w.ctx.db.selectFrom('org_units').select('parent_id').where('id', '=', x.p.cell.id).executeTakeFirstOrThrow();
      return {
        params: { id: x.p.cell.id },
        body: { version: await versionOf(x.w, 'org_units', x.p.cell.id), newParentId: parent.parent_id, reason: 'Sắp xếp lại' },
      };
    },
  },
  'org-units.merge': {
    scope: 'place',
    phase: 2,
    build: async (x) => {
      const source = await makeUnit(x.w.ctx.db, { parent: x.p.grassroots, kind: 'cell', code: unique('TAM.'), name: 'Chi bộ tạm' });
      return { params: { id: x.p.cell.id }, body: { sourceIds: [source.id], date: DAY, reason: 'Hợp nhất chi bộ' } };
    },
  },
  'members.create': {
    scope: 'place',
    phase: 2,
    build: (x) => ({ body: { unitId: x.p.cell.id, familyName: 'Hồ', middleName: 'Văn', givenName: 'Mới' } }),
  },
  'members.update': {
    scope: 'place',
    phase: 2,
    build: async (x) => ({
      params: { id: x.p.member.id },
      body: { version: await versionOf(x.w, 'members', x.p.member.id), governmentPosts: null },
    }),
  },
  // Into the chi bộ the member already belongs to: refused as no transfer by those who may transfer.
  'members.transfer': {
    scope: 'place',
    phase: 2,
    build: async (x) => ({
      params: { id: x.p.member.id },
      body: { version: await versionOf(x.w, 'members', x.p.member.id), toUnitId: x.p.cell.id, date: DAY, reason: 'Chuyển sinh hoạt' },
    }),
  },
  'members.change-status': {
    scope: 'place',
    phase: 2,
    build: async (x) => {
      const m = await throwawayMember(x);
      return { params: { id: m.id }, body: { version: 1, status: 'exempt', date: DAY, reason: 'Tuổi cao, sức yếu' } };
    },
  },
  'members.import': { scope: 'place', phase: 2, build: (x) => ({ body: templateForm('members', { unitId: x.p.cell.id }) }) },
  'org-units.import': { scope: 'place', phase: 2, build: (x) => ({ body: templateForm('org-units', { parentId: x.p.grassroots.id }) }) },
  'accounts.create': {
    scope: 'place',
    phase: 2,
    build: (x) => ({
      body: { username: unique('authz.new.'), displayName: 'Lê Thủy', password: 'Matkhau2024', memberId: x.c.members.thuyB.id },
    }),
  },
  'accounts.grant': {
    scope: 'place',
    phase: 2,
    build: async (x) => ({ params: { id: (await throwawayAccount(x)).id }, body: { role: 'cell_secretary', unitId: x.p.cell.id } }),
  },
  'accounts.reset-password': {
    scope: 'place',
    phase: 2,
    build: async (x) => ({ params: { id: (await throwawayAccount(x)).id }, body: { newPassword: 'Matkhau2025' } }),
  },
  'announcements.post': {
    scope: 'place',
    phase: 2,
    build: (x) => ({ body: { unitId: x.p.cell.id, title: 'Thông báo lịch sinh hoạt', body: 'Chi bộ sinh hoạt ngày 05.' } }),
  },
  'announcements.update': {
    scope: 'place',
    phase: 2,
    build: async (x) => ({
      params: { id: x.p.announcementId },
      body: { version: await versionOf(x.w, 'announcements', x.p.announcementId), title: 'Thông báo (đã sửa)' },
    }),
  },
  'campaigns.create': { scope: 'committee', phase: 2, build: (x) => ({ body: { ownerUnitId: x.c.root.id, reviewYear: 2025 } }) },
  'campaigns.update': {
    scope: 'committee',
    phase: 2,
    build: async (x) => ({
      params: { id: x.c.currentId },
      body: { version: await versionOf(x.w, 'campaigns', x.c.currentId), title: `Kiểm điểm năm ${CURRENT_YEAR}` },
    }),
  },
  'campaigns.snapshot': { scope: 'committee', phase: 2, build: (x) => ({ params: { id: x.c.currentId } }) },
  'campaigns.population-change': {
    scope: 'committee',
    phase: 2,
    build: (x) => ({
      params: { id: x.c.currentId },
      body: { memberId: x.c.members.thuyB.id, included: false, reason: 'exempt', note: 'Miễn sinh hoạt từ tháng 3' },
    }),
  },
  'plans.update': {
    scope: 'committee',
    phase: 2,
    build: async (x) => ({
      params: { id: x.c.currentId },
      body: { version: await versionOf(x.w, 'campaigns', x.c.currentId), text: 'Kế hoạch kiểm điểm, đánh giá năm 2024.' },
    }),
  },
  'plans.attach': { scope: 'committee', phase: 2, build: (x) => ({ params: { id: x.c.currentId }, body: fileForm('phu-luc.pdf') }) },
  'plans.approve': {
    scope: 'committee',
    phase: 2,
    build: async (x) => ({ params: { id: x.c.currentId }, body: { version: await versionOf(x.w, 'campaigns', x.c.currentId) } }),
  },
  'assignments.set': {
    scope: 'committee',
    phase: 2,
    build: (x) => ({
      params: { id: x.c.currentId },
      body: { unitIds: [x.c.cellB.id], accountIds: [x.c.accounts.standing.id], duties: ['attend'] },
    }),
  },
  'assignments.remove': {
    scope: 'committee',
    phase: 2,
    build: (x) => ({
      params: { id: x.c.currentId },
      body: { unitIds: [x.c.cellB.id], accountIds: [x.c.accounts.standing.id], duties: ['attend'] },
    }),
  },
  'suggestions.create': {
    scope: 'place',
    phase: 2,
    build: (x) => ({
      params: { id: x.c.currentId },
      body: { target: { kind: 'member', memberId: x.p.member.id }, items: ['Làm rõ việc chậm trễ trong công tác được giao'] },
    }),
  },
  'suggestions.update': {
    scope: 'place',
    phase: 2,
    build: async (x) => ({
      params: { id: x.p.current.unitSuggestionId },
      body: { version: await versionOf(x.w, 'suggestions', x.p.current.unitSuggestionId), items: ['Làm rõ trách nhiệm tập thể'] },
    }),
  },
  'suggestions.issue': {
    scope: 'place',
    phase: 2,
    before: async (w) => {
      await w.ctx.db
        .updateTable('suggestions')
        .set({ status: 'draft', issued_at: null })
        .where('id', '=', w.places.in.current.unitSuggestionId)
        .execute();
    },
    build: async (x) => ({
      params: { id: x.p.current.unitSuggestionId },
      body: { version: await versionOf(x.w, 'suggestions', x.p.current.unitSuggestionId) },
    }),
  },
  'commitments.save': {
    scope: 'place',
    phase: 2,
    build: async (x) => {
      const row = await x.w.ctx.db
        .selectFrom('commitments')
        .select('version')
        .where('member_id', '=', x.p.member.id)
        .where('year', '=', CURRENT_YEAR)
        .executeTakeFirst();
      return {
        params: { id: x.p.member.id, year: CURRENT_YEAR },
        body: { items: [{ text: 'Gương mẫu chấp hành chủ trương' }], version: row?.version },
      };
    },
  },
  'year-facts.save': {
    scope: 'place',
    phase: 2,
    build: async (x) => {
      const row = await x.w.ctx.db
        .selectFrom('member_year_facts')
        .select('version')
        .where('member_id', '=', x.p.member.id)
        .where('year', '=', CURRENT_YEAR)
        .executeTakeFirst();
      return {
        params: { id: x.p.member.id, year: CURRENT_YEAR },
        body: { version: row?.version, civilServiceRating: 'good', targetsCompletedPct: 100 },
      };
    },
  },
  'year-facts.import': {
    scope: 'place',
    phase: 2,
    build: (x) => ({ body: templateForm('year-facts', { unitId: x.p.cell.id, year: String(CURRENT_YEAR) }) }),
  },
  'reviews.save': {
    variants: ['member', 'collective'],
    scope: 'place',
    phase: 2,
    build: async (x) => {
      const s = reviewSubject(x);
      const row = await reviewRow(x.w, x.c.currentId, s.subjectKind, s.subjectKey);
      return { params: reviewParams(x), body: { version: row?.version ?? 0, content: x.variant === 'member' ? memberReviewContent : {} } };
    },
  },
  'reviews.attach': {
    variants: ['member', 'collective'],
    scope: 'place',
    phase: 2,
    build: (x) => ({ params: reviewParams(x), body: fileForm('minh-chung-them.pdf') }),
  },
  'reviews.comment-add': {
    scope: 'place',
    phase: 2,
    build: (x) => ({
      params: { campaignId: x.c.currentId, subjectKind: 'member', subjectKey: x.p.member.id },
      body: { sourceKind: 'former_cell', sourceName: 'Chi bộ cũ', text: 'Hoàn thành tốt nhiệm vụ.' },
    }),
  },
  'reviews.submit': { variants: ['member', 'collective'], scope: 'place', phase: 2, build: (x) => reviewStep(x, {}) },
  'reviews.return': {
    variants: ['member', 'collective'],
    scope: 'place',
    phase: 2,
    before: (w) => reviewsTo(w, 'submitted'),
    build: (x) => reviewStep(x, { reason: 'Cần bổ sung phần khắc phục' }),
  },
  'reviews.finalize': {
    variants: ['member', 'collective'],
    scope: 'place',
    phase: 2,
    before: (w) => reviewsTo(w, 'submitted'),
    build: (x) => reviewStep(x, {}),
  },
  'reviews.reopen': {
    variants: ['member', 'collective'],
    scope: 'place',
    phase: 2,
    before: (w) => reviewsTo(w, 'finalized'),
    build: (x) => reviewStep(x, { reason: 'Bổ sung sau hội nghị' }),
  },
  // The dossier steps act on the grassroots unit (the ward), put in the stage each step starts from.
  'dossiers.start': { scope: 'place', phase: 2, before: (w) => dossierAt(w, 'planned', false), build: (x) => dossierStep(x) },
  'dossiers.submit': { scope: 'place', phase: 2, before: (w) => dossierAt(w, 'drafting', false), build: (x) => dossierStep(x) },
  'dossiers.resume': { scope: 'place', phase: 2, before: (w) => dossierAt(w, 'returned', false), build: (x) => dossierStep(x) },
  'dossiers.begin-appraisal': { scope: 'place', phase: 2, before: (w) => dossierAt(w, 'submitted', true), build: (x) => dossierStep(x) },
  'appraisals.save-findings': {
    scope: 'place',
    phase: 2,
    before: (w) => dossierAt(w, 'under_appraisal', true),
    build: (x) => dossierStep(x, { findings: [{ section: 'I', text: 'Cần làm rõ nguyên nhân chủ quan.' }] }),
  },
  'dossiers.clear': { scope: 'place', phase: 2, before: (w) => dossierAt(w, 'under_appraisal', true), build: (x) => dossierStep(x) },
  'dossiers.return': {
    variants: ['under-appraisal', 'submitted'],
    scope: 'place',
    phase: 2,
    before: (w, v) => (v === 'submitted' ? dossierAt(w, 'submitted', false) : dossierAt(w, 'under_appraisal', true)),
    build: (x) => dossierStep(x, { reason: 'Báo cáo chưa nêu rõ nguyên nhân' }),
  },
  'dossiers.reopen': {
    scope: 'place',
    phase: 2,
    before: (w) => dossierAt(w, 'cleared', true),
    build: (x) => dossierStep(x, { reason: 'Bổ sung tài liệu' }),
  },
  'dossiers.comment': {
    scope: 'place',
    phase: 2,
    before: (w) => dossierAt(w, 'submitted', false),
    build: (x) => ({
      params: { campaignId: x.c.currentId, unitId: x.p.grassroots.id },
      body: { section: 'VI', text: 'Đề nghị nêu rõ thời hạn khắc phục.' },
    }),
  },
  'dossiers.attach': {
    scope: 'place',
    phase: 2,
    before: (w) => dossierAt(w, 'drafting', false),
    build: (x) => ({ params: { campaignId: x.c.currentId, unitId: x.p.grassroots.id }, body: fileForm('tai-lieu.pdf') }),
  },
  'conferences.schedule': {
    scope: 'place',
    phase: 2,
    before: (w) => dossierAt(w, 'cleared', true),
    build: (x) => dossierStep(x, { scheduledFor: `${CURRENT_YEAR}-12-18T08:00`, place: 'Hội trường phường' }),
  },
  'conferences.start': {
    scope: 'place',
    phase: 2,
    before: async (w) => {
      const id = w.places.in.current.conferenceId;
      await w.ctx.db.deleteFrom('conference_agenda').where('conference_id', '=', id).execute();
      await w.ctx.db.updateTable('conferences').set({ status: 'scheduled', started_at: null }).where('id', '=', id).execute();
    },
    build: async (x) => ({
      params: { conferenceId: x.p.current.conferenceId },
      body: { version: await versionOf(x.w, 'conferences', x.p.current.conferenceId) },
    }),
  },
  'conferences.complete-agenda-item': {
    scope: 'place',
    phase: 2,
    before: conferenceInSession,
    build: async (x) => {
      const item = await x.w.ctx.db
        .selectFrom('conference_agenda')
        .select('id')
        .where('conference_id', '=', x.p.current.conferenceId)
        .orderBy('position')
        .executeTakeFirst();
      return { params: { conferenceId: x.p.current.conferenceId }, body: { itemId: item?.id ?? newId() } };
    },
  },
  'conferences.save-minutes': {
    scope: 'place',
    phase: 2,
    before: conferenceInSession,
    build: async (x) => ({
      params: { conferenceId: x.p.current.conferenceId },
      body: {
        version: await versionOf(x.w, 'conferences', x.p.current.conferenceId),
        minutes: { chair: 'Nguyễn Văn Chủ', secretary: 'Lê Thư' },
      },
    }),
  },
  'conferences.save-attendance': {
    scope: 'place',
    phase: 2,
    before: conferenceInSession,
    build: (x) => ({ params: { conferenceId: x.p.current.conferenceId }, body: { items: [{ memberId: x.p.member.id, present: true }] } }),
  },
  'conferences.save-guests': {
    scope: 'place',
    phase: 2,
    before: conferenceInSession,
    build: (x) => ({
      params: { conferenceId: x.p.current.conferenceId },
      body: { directors: [{ accountId: x.c.accounts.director.id, attended: true }] },
    }),
  },
  'conferences.save-entry': {
    scope: 'place',
    phase: 2,
    before: conferenceInSession,
    build: (x) => ({
      params: { conferenceId: x.p.current.conferenceId },
      body: { clientKey: randomUUID(), kind: 'note', text: 'Hội nghị thống nhất nội dung.' },
    }),
  },
  'votes.save': {
    scope: 'place',
    phase: 2,
    before: conferenceInSession,
    build: (x) => ({
      params: { conferenceId: x.p.current.conferenceId },
      body: {
        memberId: x.p.member.id,
        present: 3,
        valid: 3,
        invalid: 0,
        votes: { excellent: 0, good: 3, satisfactory: 0, unsatisfactory: 0 },
      },
    }),
  },
  'conferences.close': {
    scope: 'place',
    phase: 2,
    before: conferenceInSession,
    build: async (x) => ({
      params: { conferenceId: x.p.current.conferenceId },
      body: { version: await versionOf(x.w, 'conferences', x.p.current.conferenceId) },
    }),
  },
  'classification.what-if': {
    scope: 'place',
    phase: 2,
    build: (x) => ({
      params: { campaignId: x.c.lateId },
      query: { unitId: x.p.cell.id },
      body: { levels: [{ subjectKind: 'member', subjectKey: x.p.member.id, level: 'excellent' }] },
    }),
  },
  'classification.propose': {
    scope: 'place',
    phase: 2,
    build: async (x) => ({
      params: { campaignId: x.c.lateId },
      body: {
        unitId: x.p.cell.id,
        items: [{ subjectKind: 'member', subjectKey: x.p.member.id, version: await classificationVersion(x, x.p.member.id) }],
      },
    }),
  },
  'classification.decide': {
    scope: 'place',
    phase: 2,
    build: async (x) => ({
      params: { campaignId: x.c.lateId },
      body: {
        unitId: x.p.cell.id,
        number: unique('QĐ-'),
        date: `${LATE_YEAR}-12-22`,
        items: [
          { subjectKind: 'member', subjectKey: x.p.member.id, level: 'good', version: await classificationVersion(x, x.p.member.id) },
        ],
      },
    }),
  },
  'remediation.save': {
    scope: 'place',
    phase: 2,
    build: async (x) => {
      const plan = await remediationPlan(x);
      const item = await x.w.ctx.db
        .selectFrom('remediation_items')
        .selectAll()
        .where('id', '=', x.p.late.remediationItemId)
        .executeTakeFirstOrThrow();
      return {
        params: { campaignId: x.c.lateId, subjectKind: 'member', subjectKey: x.p.member.id },
        body: {
          version: plan.version,
          items: [{ id: item.id, shortcomingId: x.p.late.shortcomingId, action: item.action, owner: item.owner, deadline: item.deadline }],
        },
      };
    },
  },
  'remediation.file': {
    scope: 'place',
    phase: 2,
    build: async (x) => ({
      params: { campaignId: x.c.lateId, subjectKind: 'member', subjectKey: x.p.member.id },
      body: { version: (await remediationPlan(x)).version },
    }),
  },
  'remediation.add-update': {
    scope: 'place',
    phase: 2,
    build: async (x) => {
      const form = new FormData();
      form.append('version', String(await versionOf(x.w, 'remediation_items', x.p.late.remediationItemId)));
      form.append('note', 'Đã nghiên cứu nghị quyết tháng 11');
      form.append('progressPct', '50');
      form.append('status', 'in_progress');
      return { params: { campaignId: x.c.lateId, itemId: x.p.late.remediationItemId }, body: form };
    },
  },
  'remediation.report': {
    scope: 'place',
    phase: 2,
    build: (x) => ({ params: { campaignId: x.c.lateId, unitId: x.p.cell.id }, body: { version: 1, note: 'Báo cáo quý IV' } }),
  },
  'documents.issue': {
    scope: 'place',
    phase: 2,
    build: (x) => ({ body: { kind: 'collective_report', campaignId: x.c.currentId, subjectId: x.p.cell.id } }),
  },

  // ── Phase 3: publication ─────────────────────────────────────────────────────────────────────────
  'classification.publish': {
    scope: 'place',
    phase: 3,
    build: async (x) => ({
      params: { campaignId: x.c.lateId, decisionId: x.p.late.decisionId },
      body: { version: await versionOf(x.w, 'decisions', x.p.late.decisionId) },
    }),
  },

  // ── Phase 4: after publication (the "after" variants of the reads above run here too) ─────────────
  'classification.acknowledge': {
    scope: 'committee',
    phase: 4,
    build: async (x) => {
      const own = x.role === 'member' ? await classificationVersion(x, x.c.members.thuy.id) : 1;
      return { params: { campaignId: x.c.lateId }, body: { version: own } };
    },
  },
  'complaints.file': {
    scope: 'place',
    phase: 4,
    build: (x) => ({
      params: { campaignId: x.c.lateId },
      body: { subjectKind: 'member', subjectKey: x.p.member.id, text: 'Đề nghị xem xét lại mức xếp loại.' },
    }),
  },
  'complaints.list': {
    scope: 'committee',
    phase: 4,
    before: fileEveryComplaint,
    build: (x) => ({ params: { campaignId: x.c.lateId } }),
    list: {
      rows: (b) =>
        b.items.map((c: any) => ({ label: `kiến nghị của ${c.subjectName}`, memberId: c.subjectKind === 'member' ? c.subjectKey : null })),
    },
  },
  'complaints.resolve': {
    scope: 'place',
    phase: 4,
    before: fileEveryComplaint,
    build: async (x) => {
      const complaint = await x.w.ctx.db
        .selectFrom('complaints')
        .innerJoin('classifications', 'classifications.id', 'complaints.classification_id')
        .select(['complaints.id', 'complaints.version'])
        .where('complaints.campaign_id', '=', x.c.lateId)
        .where('classifications.subject_key', '=', x.p.member.id)
        .executeTakeFirstOrThrow();
      return {
        params: { campaignId: x.c.lateId, complaintId: complaint.id },
        body: { version: complaint.version, outcome: 'dismissed', resolution: 'Giữ nguyên mức xếp loại.' },
      };
    },
  },

  // ── Phase 5: deletions, disabling, sessions ending ───────────────────────────────────────────────
  'suggestions.delete': {
    scope: 'place',
    phase: 5,
    build: async (x) => {
      const organizer = await x.w.as(x.c.accounts.organizer.username);
      const draft = await x.w.ok(organizer, 'POST', `/api/campaigns/${x.c.currentId}/suggestions`, {
        target: { kind: 'member', memberId: x.p.member.id },
        items: ['Gợi ý nháp'],
      });
      return { params: { id: draft.id } };
    },
  },
  'attachments.delete': {
    variants: ['plan', 'review', 'dossier'],
    scope: (v) => (v === 'plan' ? 'committee' : 'place'),
    phase: 5,
    // A plan's files are removed while it is a draft, a review's while it is being written.
    before: async (w, v) => {
      if (v === 'plan') await w.ctx.db.updateTable('campaigns').set({ plan_status: 'draft' }).where('id', '=', w.A.currentId).execute();
      else if (v === 'dossier') await setStage(w, w.A.currentId, w.places.in.cell.id, 'drafting', false);
      else await reviewsTo(w, 'draft');
    },
    build: async (x) => {
      if (x.variant === 'plan') {
        const organizer = await x.w.as(x.c.accounts.organizer.username);
        return {
          params: { id: (await x.w.ok(organizer, 'POST', `/api/campaigns/${x.c.currentId}/plan/attachments`, fileForm('bo.pdf'))).id },
        };
      }
      if (x.variant === 'dossier') return { params: { id: x.p.current.dossierAttachmentId } };
      // A file of the member's own review, one per case (two roles may delete it).
      const owner = await x.w.as(x.p.memberAccount.username);
      const file = await x.w.ok(
        owner,
        'POST',
        `/api/campaigns/${x.c.currentId}/reviews/member/${x.p.member.id}/attachments`,
        fileForm('xoa.pdf'),
      );
      return { params: { id: file.id } };
    },
  },
  'dossiers.detach': {
    scope: 'place',
    phase: 5,
    before: (w) => dossierAt(w, 'drafting', false),
    build: async (x) => {
      await dossierAt(x.w, 'drafting', false, x.p);
      const committee = await x.w.as(x.p.committeeAccount.username);
      const file = lastAttachment(
        await x.w.ok(
          committee,
          'POST',
          `/api/campaigns/${x.c.currentId}/units/${x.p.grassroots.id}/dossier/attachments`,
          fileForm('bo.pdf'),
        ),
      );
      return { params: { campaignId: x.c.currentId, unitId: x.p.grassroots.id, attachmentId: file.id } };
    },
  },
  'accounts.revoke': {
    scope: 'place',
    phase: 5,
    build: async (x) => {
      const a = await throwawayAccount(x);
      const grant = await x.w.ctx.db.selectFrom('role_grants').select('id').where('account_id', '=', a.id).executeTakeFirstOrThrow();
      return { params: { id: a.id, grantId: grant.id } };
    },
  },
  'accounts.disable': { scope: 'place', phase: 5, build: async (x) => ({ params: { id: (await throwawayAccount(x)).id } }) },
  'accounts.enable': {
    scope: 'place',
    phase: 5,
    build: async (x) => {
      const a = await throwawayAccount(x);
      await x.w.ctx.db.updateTable('accounts').set({ disabled: 1 }).where('id', '=', a.id).execute();
      return { params: { id: a.id } };
    },
  },
  'tokens.revoke': { scope: 'own', phase: 5, build: (x) => ({ params: { id: tokens.get(x.owner.id)! } }) },
  'announcements.withdraw': {
    scope: 'place',
    phase: 5,
    before: async (w) => {
      await w.ctx.db.updateTable('announcements').set({ withdrawn_at: null }).where('id', '=', w.places.in.announcementId).execute();
    },
    build: async (x) => ({
      params: { id: x.p.announcementId },
      body: { version: await versionOf(x.w, 'announcements', x.p.announcementId) },
    }),
  },
  // Each case ends a session of its own, made for it.
  'auth.logout': {
    scope: 'self',
    phase: 5,
    build: async (x) => {
      if (x.role === 'anonymous') return { body: {} };
      const s = await createSession(x.w.ctx.db, x.w.accountOf[x.role].id, x.w.ctx.clock.nowMs(), x.w.ctx.config.sessionIdleMinutes, null);
      return { body: {}, as: { name: 'member', username: null, cookie: `${SESSION_COOKIE}=${s.token}`, csrf: s.csrfToken, bearer: null } };
    },
  },
};

// ── Fixture rows made in beforeAll, per dialect (the world is rebuilt per dialect) ──────────────

/** Per account: its token, notice and job (scope `own`). */
let tokens = new Map<string, string>();
let notices = new Map<string, string>();
let jobs = new Map<string, string>();
let ruleSetId = '';
let documentSettings: unknown = null;
let templates: Record<string, Uint8Array> = {};

function templateForm(kind: 'members' | 'org-units' | 'year-facts', fields: Record<string, string>): FormData {
  const form = new FormData();
  form.append(
    'file',
    new File([templates[kind] as Uint8Array<ArrayBuffer>], `${kind}.xlsx`, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
  );
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}

async function reviewStep(x: Case, extra: Record<string, unknown>): Promise<Req> {
  const s = reviewSubject(x);
  const row = await reviewRow(x.w, x.c.currentId, s.subjectKind, s.subjectKey);
  return { params: reviewParams(x), body: { version: row?.version ?? 0, ...extra } };
}

/** The in-place grassroots unit's dossier (the ward, current campaign) at `stage`. */
async function dossierAt(w: World, stage: string, needsAppraisal: boolean, p: Place = w.places.in): Promise<void> {
  await setStage(w, p.committee.currentId, p.grassroots.id, stage, needsAppraisal);
}

async function dossierStep(x: Case, extra: Record<string, unknown> = {}): Promise<Req> {
  const cu = await campaignUnit(x.w, x.c.currentId, x.p.grassroots.id);
  return { params: { campaignId: x.c.currentId, unitId: x.p.grassroots.id }, body: { version: cu.version, ...extra } };
}

async function classificationVersion(x: Case, memberId: string): Promise<number> {
  const row = await x.w.ctx.db
    .selectFrom('classifications')
    .select('version')
    .where('campaign_id', '=', x.c.lateId)
    .where('subject_key', '=', memberId)
    .where('annulled_at', 'is', null)
    .executeTakeFirst();
  return row?.version ?? 1;
}

async function remediationPlan(x: Case) {
  return x.w.ctx.db
    .selectFrom('remediation_plans')
    .select(['id', 'version'])
    .where('campaign_id', '=', x.c.lateId)
    .where('subject_key', '=', x.p.member.id)
    .executeTakeFirstOrThrow();
}

/** Every place's member complains about their published level (complaints.list and .resolve act on these). */
async function fileEveryComplaint(w: World): Promise<void> {
  for (const p of Object.values(w.places)) {
    const r = await send(w.app, await w.as(p.memberAccount.username), 'POST', `/api/campaigns/${p.committee.lateId}/complaints`, {
      kind: 'json',
      value: { subjectKind: 'member', subjectKey: p.member.id, text: 'Đề nghị xem xét lại.' },
    });
    const code = (r.json as { error?: { code?: string } } | undefined)?.error?.code;
    if (r.status !== 200 && code !== 'complaint.already_open') throw new Error(`complaint of ${p.member.fullName}: ${r.status} ${r.text}`);
  }
}

/** Publishes the decisions that the publication cases left unpublished (the outside places'). */
async function publishEverything(w: World): Promise<void> {
  for (const p of Object.values(w.places)) {
    const d = await w.ctx.db
      .selectFrom('decisions')
      .select(['status', 'version'])
      .where('id', '=', p.late.decisionId)
      .executeTakeFirstOrThrow();
    if (d.status === 'published') continue;
    await w.ok(
      await w.as(p.committeeAccount.username),
      'POST',
      `/api/campaigns/${p.committee.lateId}/decisions/${p.late.decisionId}/publish`,
      {
        version: d.version,
      },
    );
  }
}

// ── Outcomes ───────────────────────────────────────────────────────────────────────────────────

type Verdict = 'allow' | 'deny';

interface Outcome {
  /** allowed; refused (401/403, or 404 hiding a row); refused for business reasons; broken. */
  kind: 'ok' | 'refused' | 'hidden' | 'business' | 'broken';
  status: number;
  code: string | null;
}

function outcomeOf(a: Answer): Outcome {
  const code = (a.json as { error?: { code?: string } } | undefined)?.error?.code ?? null;
  if (a.status >= 200 && a.status < 300) return { kind: 'ok', status: a.status, code };
  if (a.status >= 500 || code === null) return { kind: 'broken', status: a.status, code };
  if (code === 'auth.unauthenticated' || code === 'auth.forbidden') return { kind: 'refused', status: a.status, code };
  // A request the fixture got wrong, never an answer about permission.
  if (code.startsWith('request.') || code === 'auth.csrf' || code === 'auth.password_change_required')
    return { kind: 'broken', status: a.status, code };
  // Every 404 with a code of its own: the app answers "not found" (or "not in this campaign") for
  // what the caller may not see, and the fixture's rows exist, so an allowed case never meets one.
  if (a.status === 404) return { kind: 'hidden', status: a.status, code };
  return { kind: 'business', status: a.status, code };
}

const BROKEN = 'broken';

/** Whether the outcome matches the verdict; null when it does, else why not. */
function mismatch(verdict: Verdict, o: Outcome, listEmpty: boolean | null): string | null {
  if (o.kind === 'broken') return BROKEN;
  if (verdict === 'deny') {
    if (o.kind === 'refused' || o.kind === 'hidden') return null;
    if (o.kind === 'ok' && listEmpty === true) return null;
    return o.kind === 'business' ? 'refused for a business reason before authorization' : 'allowed';
  }
  if (o.kind === 'ok' || o.kind === 'business') return null;
  return o.kind === 'hidden' ? 'hidden (404) although allowed: fixture row missing or wrongly hidden' : 'refused';
}

function verdictOf(rule: Rule, where: Where | 'self'): Verdict {
  if (rule === 'all') return 'allow';
  if (rule === '--') return 'deny';
  return where === 'out' ? 'deny' : 'allow';
}

// ── Where list rows may come from (by hand, from the fixture tree of authorization-fixture.ts) ───

/** The subtrees each role of committee A holds: its grant, or the units a campaign assigns it. */
function subtreesOf(w: World, role: Role): UnitRef[] {
  const A = w.A;
  switch (role) {
    case 'admin':
    case 'standing':
    case 'organizer':
    case 'office':
      return [A.root];
    case 'director':
      return [A.ward];
    case 'unit_committee':
      return [A.ward];
    case 'cell_secretary':
      return [A.cellA];
    case 'member':
      return [A.cellA];
  }
}

/** Units above the role's own units, whose announcements reach it. */
function ancestorsOf(w: World, role: Role): UnitRef[] {
  const A = w.A;
  if (role === 'unit_committee') return [A.root];
  if (role === 'cell_secretary' || role === 'member') return [A.root, A.ward];
  return [];
}

async function pathOfUnit(w: World, id: string): Promise<string | null> {
  return (await w.ctx.db.selectFrom('org_units').select('path').where('id', '=', id).executeTakeFirst())?.path ?? null;
}

async function pathOfMember(w: World, id: string): Promise<string | null> {
  return (await w.ctx.db.selectFrom('members').select('unit_path').where('id', '=', id).executeTakeFirst())?.unit_path ?? null;
}

/** Why a list row is outside what the role may see, or null. */
async function rowProblem(w: World, role: Role, row: Row, check: ListCheck): Promise<string | null> {
  const subtrees = subtreesOf(w, role).map((u) => u.path);
  const inside = (path: string | null) => path !== null && subtrees.some((s) => isWithinPath(path, s));
  if (row.memberId) {
    // A member sees only their own rows (design §2 "R self", "RW own").
    if (role === 'member' && row.memberId !== w.A.members.thuy.id) return `${row.label}: not the member's own`;
    if (!inside(await pathOfMember(w, row.memberId))) return `${row.label}: member outside the subtree`;
  }
  if (row.ownerId && row.ownerId !== w.A.root.id) return `${row.label}: a campaign of another committee`;
  if (row.unitId) {
    const path = await pathOfUnit(w, row.unitId);
    const ancestor = check.ancestorsVisible && ancestorsOf(w, role).some((u) => u.id === row.unitId);
    if (!inside(path) && !ancestor) return `${row.label}: unit outside the subtree`;
  }
  if (row.accountId && !(await accountInside(w, row.accountId, inside))) return `${row.label}: account outside the subtree`;
  if (row.auditId) {
    const e = await w.ctx.db
      .selectFrom('audit_events')
      .select(['scope_path', 'entity_type', 'entity_id'])
      .where('id', '=', row.auditId)
      .executeTakeFirstOrThrow();
    // Events without a unit (an account's password, a token) are the administrator's, of the
    // accounts inside their subtree only.
    if (e.scope_path === null) {
      if (role !== 'admin' || e.entity_type !== 'account' || !(await accountInside(w, e.entity_id, inside)))
        return `${row.label}: event of an account outside the subtree`;
    } else if (!inside(e.scope_path)) return `${row.label}: event outside the subtree`;
  }
  return null;
}

/** Every grant, assignment and the member of the account lie inside (none at all: outside). */
async function accountInside(w: World, accountId: string, inside: (path: string | null) => boolean): Promise<boolean> {
  const grants = await w.ctx.db
    .selectFrom('role_grants')
    .innerJoin('org_units', 'org_units.id', 'role_grants.unit_id')
    .select('org_units.path')
    .where('role_grants.account_id', '=', accountId)
    .execute();
  const assigned = await w.ctx.db
    .selectFrom('assignments')
    .innerJoin('org_units', 'org_units.id', 'assignments.unit_id')
    .select('org_units.path')
    .where('assignments.account_id', '=', accountId)
    .execute();
  const account = await w.ctx.db.selectFrom('accounts').select('member_id').where('id', '=', accountId).executeTakeFirstOrThrow();
  const memberPath = account.member_id ? await pathOfMember(w, account.member_id) : null;
  const paths = [...grants.map((u) => u.path), ...assigned.map((u) => u.path), ...(memberPath ? [memberPath] : [])];
  return paths.length > 0 && paths.every(inside);
}

// ── The run ───────────────────────────────────────────────────────────────────────────────────

interface Result {
  op: string;
  variant: string;
  role: Role | 'anonymous';
  where: Where | 'self';
  expected: Verdict;
  got: string;
  problem: string | null;
}

function urlOf(op: Operation, req: Req): string {
  let url = op.path;
  for (const [k, v] of Object.entries(req.params ?? {})) url = url.replace(`{${k}}`, encodeURIComponent(String(v)));
  if (url.includes('{')) throw new Error(`${op.operationId}: path parameter missing in ${url}`);
  const q = new URLSearchParams(Object.entries(req.query ?? {}).map(([k, v]) => [k, String(v)]));
  return `/api${url.slice(4)}${q.size ? `?${q}` : ''}`;
}

function bodyOf(op: Operation, req: Req): Body {
  if (req.body instanceof FormData) return { kind: 'multipart', form: req.body };
  if (req.body !== undefined) return { kind: 'json', value: req.body };
  // Operations with a JSON body whose every field is optional get an empty object.
  return op.jsonBody ? { kind: 'json', value: {} } : { kind: 'none' };
}

function scopeOf(spec: Spec, variant: string): Scope {
  return typeof spec.scope === 'function' ? spec.scope(variant) : spec.scope;
}

function counterpart(w: World, role: Role): Account {
  const key = (Object.keys(w.A.accounts) as (keyof Committee['accounts'])[]).find((k) => w.A.accounts[k].id === w.accountOf[role].id)!;
  return w.B.accounts[key];
}

/** Rows checked per list operation (a list whose rows were never checked proves nothing). */
const rowsChecked = new Map<string, number>();

async function runPhase(w: World, phase: number, results: Result[]): Promise<void> {
  for (const [operationId, spec] of Object.entries(SPECS)) {
    const op = OP_BY_ID.get(operationId)!;
    const variants = [...EXPECTATIONS.get(operationId)!.keys()];
    for (const variant of variants) {
      if ((spec.phaseOf?.(variant) ?? spec.phase) !== phase) continue;
      const rules = EXPECTATIONS.get(operationId)!.get(variant)!;
      const scope = scopeOf(spec, variant);
      const cases: { role: Role | 'anonymous'; where: Where | 'self'; expected: Verdict }[] = [];
      cases.push({ role: 'anonymous', where: scope === 'self' ? 'self' : 'in', expected: op.public ? 'allow' : 'deny' });
      for (const role of ROLES) {
        for (const where of scope === 'self' ? (['self'] as const) : (['in', 'out'] as const)) {
          cases.push({ role, where, expected: verdictOf(rules[role], where) });
        }
      }
      // Refusals first: an allowed write may move the resource on.
      cases.sort((a, b) => (a.expected === b.expected ? 0 : a.expected === 'deny' ? -1 : 1));
      for (const k of cases) {
        if (spec.before) await spec.before(w, variant);
        const role = k.role;
        const outside: Place = scope === 'committee' || role === 'anonymous' ? w.places.foreign : w.places[OUTSIDE[role]];
        const p = k.where === 'out' ? outside : w.places.in;
        const owner = role === 'anonymous' ? w.accountOf.member : k.where === 'out' ? counterpart(w, role) : w.accountOf[role];
        const x: Case = { w, role, where: k.where === 'self' ? 'in' : k.where, p, c: p.committee, owner, variant };
        const req = await spec.build(x);
        const caller = req.as ?? (role === 'anonymous' ? ANON : w.callers[role]);
        const answer = await send(w.app, caller, op.method, urlOf(op, req), bodyOf(op, req));
        const o = outcomeOf(answer);
        let listEmpty: boolean | null = null;
        let problem: string | null = null;
        if (spec.list && o.kind === 'ok') {
          const rows = spec.list.rows(answer.json, x);
          const total = Number((answer.json as { total?: number }).total ?? 0);
          for (let page = 2; spec.list.paged && rows.length < total; page++) {
            const more = await send(w.app, caller, op.method, urlOf(op, { ...req, query: { ...req.query, page } }), { kind: 'none' });
            const next = spec.list.rows(more.json, x);
            if (next.length === 0) break;
            rows.push(...next);
          }
          listEmpty = rows.length === 0;
          if (role !== 'anonymous' && k.expected === 'allow') {
            problem = await checkRows(w, role, rows, spec.list);
            rowsChecked.set(operationId, (rowsChecked.get(operationId) ?? 0) + rows.length);
          }
        }
        if (spec.check && o.kind === 'ok' && k.expected === 'allow' && role !== 'anonymous')
          problem = spec.check(x, answer.json) ?? problem;
        problem = mismatch(k.expected, o, listEmpty) ?? problem;
        // Without a session, nothing but the public operations: 401 before anything else is looked at.
        if (role === 'anonymous' && !op.public && o.code !== 'auth.unauthenticated')
          problem = 'not 401 auth.unauthenticated without a session';
        if (problem === BROKEN) problem = `broken answer: ${answer.text.slice(0, 300)}`;
        results.push({
          op: operationId,
          variant,
          role,
          where: k.where,
          expected: k.expected,
          got: `${o.status}${o.code ? ` ${o.code}` : ''}`,
          problem,
        });
      }
    }
  }
}

/** Every row inside the role's subtrees, and each one opens for the same caller. */
async function checkRows(w: World, role: Role, rows: Row[], check: ListCheck): Promise<string | null> {
  const problems: string[] = [];
  for (const row of rows) {
    const why = await rowProblem(w, role, row, check);
    if (why) problems.push(why);
    else if (row.open) {
      const op = OP_BY_ID.get(row.open.operationId)!;
      const a = await send(w.app, w.callers[role], op.method, urlOf(op, { params: row.open.params, query: row.open.query }), {
        kind: 'none',
      });
      if (a.status !== 200) problems.push(`${row.label}: listed, but ${row.open.operationId} answers ${a.status} ${a.text.slice(0, 120)}`);
    }
  }
  return problems.length ? `list rows: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (+${problems.length - 5})` : ''}` : null;
}

describe('authorization matrix: the expectations', () => {
  it('cover exactly the operations of the OpenAPI document, both ways', () => {
    const documented = OPERATIONS.map((o) => o.operationId).sort();
    expect([...EXPECTATIONS.keys()].sort()).toEqual(documented);
    expect(Object.keys(SPECS).sort()).toEqual(documented);
    for (const [operationId, spec] of Object.entries(SPECS)) {
      expect([...EXPECTATIONS.get(operationId)!.keys()], operationId).toEqual(spec.variants ?? ['']);
    }
  });
});

describeEachDialect('authorization matrix', (dialect) => {
  let w: World;
  const results: Result[] = [];

  beforeAll(async () => {
    w = await buildWorld(dialect);
    rowsChecked.clear();
    tokens = new Map();
    notices = new Map();
    jobs = new Map();
    const everyone = [...Object.values(w.A.accounts), ...Object.values(w.B.accounts)];
    for (const a of everyone) {
      tokens.set(a.id, (await createApiToken(w.ctx, { accountId: a.id, name: 'Kịch bản', actorId: a.id })).id);
      const notice = newId();
      await w.ctx.db
        .insertInto('notifications')
        .values({
          id: notice,
          account_id: a.id,
          kind: 'deadline',
          title: 'Sắp đến hạn nộp bản kiểm điểm',
          body: null,
          link: null,
          campaign_id: null,
          dedupe_key: null,
          created_at: w.ctx.clock.now(),
          read_at: null,
          emailed_at: null,
        })
        .execute();
      notices.set(a.id, notice);
      const job = newId();
      await w.ctx.db
        .insertInto('jobs')
        .values({
          id: job,
          kind: 'import_members',
          status: 'done',
          progress: 1,
          total: 1,
          file_id: null,
          params_json: null,
          result_json: null,
          error_json: null,
          created_by: a.id,
          claimed_by: null,
          version: 1,
          created_at: w.ctx.clock.now(),
          updated_at: w.ctx.clock.now(),
        })
        .execute();
      jobs.set(a.id, job);
    }
    await makeAccount(w.ctx.db, { username: 'authz.login' });
    const organizer = w.callers.organizer;
    ruleSetId = (await w.ok(organizer, 'GET', '/api/rule-sets')).items[0].id;
    documentSettings = await w.ok(w.callers.admin, 'GET', '/api/documents/settings');
    const uc = w.callers.unit_committee;
    templates = {};
    for (const [kind, path] of [
      ['members', '/api/imports/members/template'],
      ['org-units', '/api/imports/org-units/template'],
      ['year-facts', '/api/year-facts/template'],
    ] as const) {
      const raw = await w.app.request(path, { headers: { cookie: uc.cookie! } });
      if (raw.status !== 200) throw new Error(`template ${path}: ${raw.status}`);
      templates[kind] = new Uint8Array(await raw.arrayBuffer());
    }
  });
  afterAll(async () => w?.close());

  it('every operation × role × inside/outside answers as design §2 says', async () => {
    const started = Date.now();
    for (const phase of [1, 2, 3, 4, 5]) {
      if (phase === 4) await publishEverything(w);
      await runPhase(w, phase, results);
    }
    const extra: string[] = [];
    // Outside the document, public by design: liveness, health and the document itself.
    for (const path of ['/api/health/live', '/api/health', '/api/openapi.json']) {
      const a = await send(w.app, ANON, 'GET', path, { kind: 'none' });
      if (a.status !== 200) extra.push(`${path} without a session: ${a.status}`);
    }
    // The document the server serves is the one walked here (tests/fuzz/contract.ts builds it).
    const served = (await send(w.app, ANON, 'GET', '/api/openapi.json', { kind: 'none' })).json as typeof DOCUMENT;
    const servedIds = Object.values(served.paths).flatMap((methods) => Object.values(methods).map((op) => String(op.operationId)));
    const unexpected = servedIds.filter((id) => !EXPECTATIONS.has(id));
    if (unexpected.length || servedIds.length !== EXPECTATIONS.size) extra.push(`served document differs: ${unexpected.join(', ')}`);
    for (const [operationId, spec] of Object.entries(SPECS)) {
      if (spec.list && !rowsChecked.get(operationId)) extra.push(`${operationId}: no list row was ever checked (the fixture lacks rows)`);
    }
    const failures = results.filter((r) => r.problem !== null);
    const roleCases = results.filter((r) => r.role !== 'anonymous').length;
    console.log(
      `[authorization matrix ${dialect}] ${results.length} cases (${roleCases} operation × role × scope, ${
        results.length - roleCases
      } without a session) over ${new Set(results.map((r) => r.op)).size} operations in ${((Date.now() - started) / 1000).toFixed(1)} s; ${
        failures.length
      } failing`,
    );
    // AUTHZ_DEBUG=1 writes every case and its answer to test-artifacts/ (to see what allowed writes met).
    if (process.env.AUTHZ_DEBUG) {
      fs.mkdirSync('test-artifacts', { recursive: true });
      fs.writeFileSync(
        `test-artifacts/authorization-matrix-${dialect}.txt`,
        [
          ...results.map((r) => `${r.op}${r.variant ? `:${r.variant}` : ''}\t${r.role}\t${r.where}\t${r.expected}\t${r.got}`),
          ...[...rowsChecked].map(([op, n]) => `${op}\tlist rows checked\t${n}`),
        ].join('\n'),
      );
    }
    const lines = failures.map(
      (f) => `${f.op}${f.variant ? `:${f.variant}` : ''} ${f.role} ${f.where}: expected ${f.expected}, got ${f.got} — ${f.problem}`,
    );
    expect([...lines, ...extra]).toEqual([]);
  });
});
