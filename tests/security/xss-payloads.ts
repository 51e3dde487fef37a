// The XSS payloads of issue 6 (web security item 4) and the seeding that stores them, through the
// API as a user would type them, in the main free-text fields: a member's name and posts, a review,
// a conference's minutes and entries, a remediation plan (and the shortcoming it answers), an
// announcement, an issued document's signature and recipients. Shared by the HTTP test (JSON, .docx,
// .xlsx, both databases) and the Chromium test.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { newId } from '../../src/server/adapters/clock.js';
import type { AppContext } from '../../src/server/features/context.js';
import { scheduledConference, type CampaignFixture } from '../support/campaign-factories.js';
import type { TestClient } from '../support/http.js';

/** Each payload is unique (its number), so a test can find where it went. */
export const PAYLOADS = {
  script: `<script>alert('xss-1')</script>`,
  img: `"><img src=x onerror=alert('xss-2')>`,
  jsUrl: `javascript:alert('xss-3')`,
  template: `{{constructor.constructor('alert(4)')()}}`,
  svg: `<svg/onload=alert('xss-5')>`,
  /** U+202E RIGHT-TO-LEFT OVERRIDE: shown as typed, never taken for markup. */
  rtl: `\u202Egpj.exe xss-6`,
  /** Decomposed Vietnamese (NFD): stored and shown composed (NFC, design §4). */
  nfd: 'Nguyễn Thị Thủy xss-7'.normalize('NFD'),
  formula: `=cmd|' /C calc'!A0`,
  plus: `+SUM(1+1)*cmd|' /C calc'!A0`,
  at: `@SUM(1+1)`,
  minus: `-2+3+cmd|' /C calc'!A0`,
  field: `{ HYPERLINK "javascript:alert(8)" } <w:fldSimple w:instr="HYPERLINK x"/>`,
} as const;

/** How a payload must read back: NFC (the server normalizes free text), otherwise as typed. */
export const shown = (payload: string) => payload.normalize('NFC');

/** Every payload but the spreadsheet ones, joined into one text (for the long fields). */
export const ALL_TEXT = [
  PAYLOADS.script,
  PAYLOADS.img,
  PAYLOADS.jsUrl,
  PAYLOADS.template,
  PAYLOADS.svg,
  PAYLOADS.rtl,
  PAYLOADS.nfd,
  PAYLOADS.field,
].join(' | ');

export interface SeededPayloads {
  memberId: string;
  /** The conference of chi bộ khối phố 1, started, with its minutes and one entry. */
  conferenceId: string;
  announcementId: string;
  documentId: string;
  shortcomingId: string;
}

/**
 * Stores the payloads through the API. `as(username)` gives a logged-in client on the same database.
 * The campaign must be the fixture's (2024), with its business date before the review deadline.
 */
export async function seedPayloads(
  ctx: AppContext,
  f: CampaignFixture,
  as: (username: string) => Promise<TestClient>,
): Promise<SeededPayloads> {
  const memberId = f.tree.members.thuy.id;

  // A member's name and posts, as the Organization Board edits a profile.
  const admin = await as('bantochuc');
  const current = await admin.get(`/api/members/${memberId}`);
  expect(current.status).toBe(200);
  const member = await admin.patch(`/api/members/${memberId}`, {
    version: current.body.version,
    familyName: PAYLOADS.script,
    middleName: PAYLOADS.template,
    givenName: PAYLOADS.img,
    partyPosts: PAYLOADS.formula,
    governmentPosts: `${PAYLOADS.jsUrl} ${PAYLOADS.rtl} ${PAYLOADS.nfd}`,
  });
  expect(member.status, JSON.stringify(member.body)).toBe(200);

  // The member's own review.
  const thuy = await as('dangvien.thuy');
  const reviewUrl = `/api/campaigns/${f.id}/reviews/member/${memberId}`;
  const review = await thuy.get(reviewUrl);
  expect(review.status, JSON.stringify(review.body)).toBe(200);
  const content = {
    ...review.body.content,
    shortcomings: [{ key: 'k1', text: `${PAYLOADS.svg} ${PAYLOADS.field}`, causeKind: 'subjective', cause: PAYLOADS.plus }],
    exampleSetting: PAYLOADS.img,
    responsibility: ALL_TEXT,
    directions: `${PAYLOADS.script} ${PAYLOADS.jsUrl}`,
  };
  const saved = await thuy.request('PUT', reviewUrl, { version: review.body.version, content });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);

  // The chi bộ's conference: minutes and an entry on the first item of the agenda.
  const conferenceId = await scheduledConference(ctx, f, f.tree.cellA);
  const secretary = await as('bithu.c1');
  const started = await secretary.post(`/api/conferences/${conferenceId}/start`, { version: 1 });
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  const first = started.body.agenda[0] as { subjectKind: string; subjectKey: string };
  const minutes = await secretary.request('PUT', `/api/conferences/${conferenceId}/minutes`, {
    version: started.body.version,
    minutes: {
      chair: PAYLOADS.script,
      secretary: PAYLOADS.img,
      opening: ALL_TEXT,
      general: `${PAYLOADS.template} ${PAYLOADS.jsUrl}`,
      closing: PAYLOADS.svg,
    },
  });
  expect(minutes.status, JSON.stringify(minutes.body)).toBe(200);
  const entry = await secretary.post(`/api/conferences/${conferenceId}/entries`, {
    clientKey: randomUUID(),
    kind: 'criticism',
    subjectKind: first.subjectKind,
    subjectKey: first.subjectKey,
    speaker: PAYLOADS.img,
    text: ALL_TEXT,
    reply: `${PAYLOADS.script} ${PAYLOADS.formula}`,
  });
  expect(entry.status, JSON.stringify(entry.body)).toBe(200);

  // A shortcoming concluded for the member, and her remediation plan for it.
  const shortcomingId = newId();
  const at = ctx.clock.now();
  await ctx.db
    .insertInto('shortcomings')
    .values({
      id: shortcomingId,
      subject_kind: 'member',
      subject_key: memberId,
      unit_id: f.tree.cellA.id,
      member_id: memberId,
      scope_path: f.tree.cellA.path,
      campaign_id: f.id,
      year_found: f.year,
      text: `${PAYLOADS.minus} ${PAYLOADS.svg}`,
      cause_kind: 'subjective',
      cause: PAYLOADS.at,
      source: 'concluded_conference',
      resolved_year: null,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const plan = await thuy.request('PUT', `/api/campaigns/${f.id}/remediation/member/${memberId}`, {
    version: 0,
    items: [{ shortcomingId, action: ALL_TEXT, owner: PAYLOADS.formula, deadline: `${f.year + 1}-06-30` }],
  });
  expect(plan.status, JSON.stringify(plan.body)).toBe(200);

  // An announcement of the committee's office.
  const office = await as('vanphong');
  const posted = await office.post('/api/announcements', {
    unitId: f.tree.committee.id,
    title: `${PAYLOADS.script} ${PAYLOADS.img}`,
    body: ALL_TEXT,
  });
  expect(posted.status, JSON.stringify(posted.body)).toBe(200);

  // An issued document: the signature and the recipients are typed by the office.
  const issued = await admin.post('/api/documents', {
    kind: 'campaign_plan',
    campaignId: f.id,
    signature: { authority: PAYLOADS.script, title: PAYLOADS.img, name: `${PAYLOADS.template} ${PAYLOADS.nfd}` },
    recipients: [PAYLOADS.formula, PAYLOADS.jsUrl, PAYLOADS.field, PAYLOADS.rtl],
  });
  expect(issued.status, JSON.stringify(issued.body)).toBe(200);

  return { memberId, conferenceId, announcementId: posted.body.id, documentId: issued.body.id, shortcomingId };
}
