// Who may call what (issue 6 item 1): the expected outcome of every operation of the OpenAPI
// document for every role of design §2, written by hand from the table "Users and what they may
// do" and from the purpose of each route — never computed by the policy modules under test.
//
// One line per operation: eight columns in the order of design §2,
//
//     admin  standing  organizer  office  director  unit_committee  cell_secretary  member
//
// each one of
//   in   allowed on a resource inside the role's subtrees (for a member: their own), refused on the
//        nearest one outside (authorization-fixture.ts, OUTSIDE);
//   all  allowed inside and outside (the caller's own account, reference data);
//   --   refused everywhere.
// "Allowed" means not refused by authorization: a 2xx, or a business refusal (409, 422, 400 with a
// code that is not about permission). "Refused" means 401/403, or 404 where the app hides that the
// resource exists. For a list, "allowed" is a 200 whose every row the caller may open, and "refused"
// is a 403/404 or a 200 with no rows.
//
// An operation whose outcome depends on what it acts on has one line per variant, written
// "operationId:variant" (e.g. classification.get:before and :after publication).
//
// Where the design leaves an operation open, the reading the app implements is written down, with
// the reason, above the line (search for "Reading:"); where the app is narrower than the table of
// design §2 the line says so ("Gap:") and follows the app, to be decided. Lines starting with # are
// comments.
import type { Role } from './authorization-fixture.js';

export type Rule = 'in' | 'all' | '--';
export const TABLE = `
operation                                 admin  standing organizer office director unit_c cell_s member
# ── Session and own account (design §2 "Accounts and role grants": member "own password") ──────
auth.login                                all    all      all       all    all      all    all    all
auth.logout                               all    all      all       all    all      all    all    all
me.get                                    all    all      all       all    all      all    all    all
me.change-password                        all    all      all       all    all      all    all    all
# Reading: API tokens are every user's own (issue 2 item 6: "scripts"); the design is silent.
tokens.list                               all    all      all       all    all      all    all    all
tokens.create                             all    all      all       all    all      all    all    all
tokens.revoke                             in     in       in        in     in       in     in     in
notifications.list                        all    all      all       all    all      all    all    all
notifications.unread-count                all    all      all       all    all      all    all    all
notifications.read-all                    all    all      all       all    all      all    all    all
notifications.preferences                 all    all      all       all    all      all    all    all
notifications.save-preferences            all    all      all       all    all      all    all    all
notifications.read                        in     in       in        in     in       in     in     in
inbox.get                                 all    all      all       all    all      all    all    all
# Reading: a job (a large import) is followed by whoever started it; the administrator follows
# the jobs of the accounts of their subtree (design §2 admin RW accounts over the subtree).
jobs.get                                  in     in       in        in     in       in     in     in
# ── Org units, member profiles: admin RW, standing R, organizer RW, office R, director R,
# unit_committee RW own unit's subtree, cell_secretary R own chi bộ, member R self ─────────────
# Reading: "director" comes from a campaign's assignments "for that campaign" (design §2), and
# the tree and the profiles are not a campaign's: a director with no grant of their own reads
# the assigned units through the campaign (dossiers, reviews of key leaders), not here.
# Reading: a member's "R self" includes the name of their own chi bộ (their profile shows it).
org-units.list                            all    all      all       all    --       all    all    all
org-units.get                             in     in       in        in     --       in     in     in
org-units.create                          in     --       in        --     --       in     --     --
org-units.update                          in     --       in        --     --       in     --     --
org-units.move                            in     --       in        --     --       in     --     --
org-units.merge                           in     --       in        --     --       in     --     --
members.list                              all    all      all       all    --       all    all    all
members.get                               in     in       in        in     --       in     in     in
members.create                            in     --       in        --     --       in     --     --
members.update                            in     --       in        --     --       in     --     --
members.transfer                          in     --       in        --     --       in     --     --
members.change-status                     in     --       in        --     --       in     --     --
# A unit's roster as a workbook: the readers of profiles over the unit (a member reads only self).
members.export                            in     in       in        in     --       in     in     --
members.import                            in     --       in        --     --       in     --     --
org-units.import                          in     --       in        --     --       in     --     --
# Reading: the empty templates go to those who may import.
imports.members-template                  all    --       all       --     --       all    --     --
imports.org-units-template                all    --       all       --     --       all    --     --
# The history of a unit or a profile is its audit trail (row "Audit history").
org-units.history                         in     in       in        --     --       in     --     --
members.history                           in     in       in        --     --       in     --     --
# ── Accounts and role grants: admin RW over the subtree; nobody else ─────────────────────────
accounts.list                             all    --       --        --     --       --     --     --
accounts.create                           in     --       --        --     --       --     --     --
accounts.bulk-members                     in     --       --        --     --       --     --     --
accounts.get                              in     --       --        --     --       --     --     --
accounts.grant                            in     --       --        --     --       --     --     --
accounts.revoke                           in     --       --        --     --       --     --     --
accounts.reset-password                   in     --       --        --     --       --     --     --
accounts.disable                          in     --       --        --     --       --     --     --
accounts.enable                           in     --       --        --     --       --     --     --
# ── Audit history: admin R, standing R, organizer R, unit_committee R own unit ────────────────
audit.list                                all    all      all       --     --       all    --     --
# ── Rule sets (admin: "configuration, rule sets"); reference data of the year for staff ──────
# Reading: the rule sets' pages are for staff, i.e. accounts holding a grant other than member; a
# member meets the rules of the year in their own review form. A director with no grant of their
# own is not staff here (see the reading on directors above).
rule-sets.list                            all    all      all       all    --       all    all    --
rule-sets.get                             all    all      all       all    --       all    all    --
# ── Campaign, plan, assignments, suggestions: admin R, standing RW (approve plan), organizer
# RW, office R, director R, unit_committee R own unit, cell_secretary R own chi bộ, member R
# own suggestions ────────────────────────────────────────────────────────────────────────────
# Reading: a member reads the campaign itself (title, year, milestones): their own suggestions,
# review and result are reached through it.
campaigns.list                            all    all      all       all    all      all    all    all
campaigns.get                             in     in       in        in     in       in     in     in
campaigns.create                          --     in       in        --     --       --     --     --
campaigns.update                          --     in       in        --     --       --     --     --
campaigns.snapshot                        --     in       in        --     --       --     --     --
campaigns.population                      in     in       in        in     in       in     in     --
campaigns.population-change               --     in       in        --     --       --     --     --
campaigns.cockpit                         in     in       in        in     in       in     in     --
# Reading: a draft plan is the committee's work in progress (standing, organizer, the committee-wide
# readers and the directors read it); once approved it is issued to the units below, whose committee
# and chi bộ secretary read it (regulations §3.1 bước 1).
plans.get:draft                           in     in       in        in     in       --     --     --
plans.get:approved                        in     in       in        in     in       in     in     --
plans.update                              --     in       in        --     --       --     --     --
plans.approve                             --     in       --        --     --       --     --     --
plans.attach                              --     in       in        --     --       --     --     --
assignments.list                          in     in       in        in     in       in     in     --
assignments.set                           --     in       in        --     --       --     --     --
assignments.remove                        --     in       in        --     --       --     --     --
assignments.units                         in     in       in        in     in       in     in     --
# Reading: who can be assigned is the assigning side's (standing, organizer); the workload is the
# assignments the caller reads, per person.
assignments.assignees                     --     in       in        --     --       --     --     --
assignments.workload                      in     in       in        in     in       in     in     --
# The caller's own assigned units (empty for all but directors); nothing of another committee.
assignments.mine                          in     in       in        in     in       in     in     in
suggestions.list                          in     in       in        in     in       in     in     in
suggestions.create                        --     in       in        --     --       --     --     --
# An issued suggestion to a member: the campaign's readers over the member, and the member.
suggestions.get:member                    in     in       in        in     in       in     in     in
# Reading: a draft suggestion (here to a chi bộ) is the upper committee's work in progress, seen by
# those who write it (standing, organizer) until it is issued (regulations §4).
suggestions.get:draft                     --     in       in        --     --       --     --     --
suggestions.update                        --     in       in        --     --       --     --     --
suggestions.issue                         --     in       in        --     --       --     --     --
suggestions.delete                        --     in       in        --     --       --     --     --
# ── Individual reviews: standing R, organizer R, director R (key leaders), unit_committee R and
# decide, cell_secretary R and proxy W, member RW own. Commitments and the facts of the year
# are the review's inputs and follow its row; the facts are recorded by the unit committee
# (design §3 MemberYearFacts: "Entered by the unit committee") ───────────────────────────────
commitments.list                          --     in       in        --     --       in     in     in
commitments.save                          --     --       --        --     --       --     --     in
year-facts.template                       --     --       --        --     --       all    --     --
year-facts.import                         --     --       --        --     --       in     --     --
year-facts.list                           --     in       in        --     --       in     in     --
year-facts.by-member                      --     in       in        --     --       in     in     in
year-facts.get                            --     in       in        --     --       in     in     in
year-facts.save                           --     --       --        --     --       in     --     --
reviews.mine                              all    all      all       all    all      all    all    all
# The unit's page: the member reviews' progress (readers of reviews) and the collective reports
# (row "Collective reports": office and director read them).
reviews.list                              --     in       in        in     in       in     in     --
# Thúy is not a key leader: the director does not read her review.
reviews.get:member                        --     in       in        --     --       in     in     in
reviews.get:leader                        --     in       in        --     in       in     in     --
# Row "Collective reports, dossiers, appraisal".
reviews.get:collective                    --     in       in        in     in       in     in     --
reviews.revisions:member                  --     in       in        --     --       in     in     in
reviews.revisions:collective              --     in       in        in     in       in     in     --
reviews.revision:member                   --     in       in        --     --       in     in     in
reviews.revision:collective               --     in       in        in     in       in     in     --
reviews.save:member                       --     --       --        --     --       --     in     in
reviews.save:collective                   --     --       --        --     --       in     --     --
reviews.submit:member                     --     --       --        --     --       --     in     in
reviews.submit:collective                 --     --       --        --     --       in     --     --
# "R, decide" (unit committee) and the chi bộ's secretary send a review back; a collective report
# is sent back by its own committee or by the Organization Board that appraises it.
reviews.return:member                     --     --       --        --     --       in     in     --
reviews.return:collective                 --     --       in        --     --       in     --     --
# Reading: after the meeting the member (or the secretary for them) finalizes the review, and the
# unit committee may; a collective's report is finalized by its committee.
reviews.finalize:member                   --     --       --        --     --       in     in     in
reviews.finalize:collective               --     --       --        --     --       in     --     --
reviews.reopen:member                     --     --       --        --     --       in     --     --
reviews.reopen:collective                 --     --       in        --     --       in     --     --
# Reading: the comments of other places (residence, former chi bộ) are typed by the chi bộ or the
# unit committee that receives them.
reviews.comment-add                       --     --       --        --     --       in     in     --
reviews.attach:member                     --     --       --        --     --       --     in     in
reviews.attach:collective                 --     --       --        --     --       in     --     --
# ── Collective reports, dossiers, appraisal: standing R, organizer RW (appraise), office R,
# director R + comment, unit_committee RW own unit, cell_secretary R ────────────────────────────
dossiers.list                             --     in       in        in     in       in     in     --
dossiers.get                              --     in       in        in     in       in     in     --
# Reading: the Organization Board may open a dossier for a unit (the appraising side starts it).
dossiers.start                            --     --       in        --     --       in     --     --
dossiers.submit                           --     --       --        --     --       in     --     --
dossiers.resume                           --     --       --        --     --       in     --     --
dossiers.begin-appraisal                  --     --       in        --     --       --     --     --
appraisals.save-findings                  --     --       in        --     --       --     --     --
dossiers.clear                            --     --       in        --     --       --     --     --
dossiers.return:under-appraisal           --     --       in        --     --       --     --     --
# Reading: design §1 step 4, "others are appraised by their assigned directors": a director
# returns a submitted dossier that needs no appraisal by the Board.
dossiers.return:submitted                 --     --       in        --     in       --     --     --
# Reading: reopening an appraised dossier is the upper level's (design §2 standing "everything
# in the subtree", organizer RW), always with a reason.
dossiers.reopen                           --     in       in        --     --       --     --     --
# Reading: the Standing Committee and the Board comment as the directors do.
dossiers.comment                          --     in       in        --     in       --     --     --
dossiers.attach                           --     --       --        --     --       in     --     --
dossiers.detach                           --     --       --        --     --       in     --     --
conferences.schedule                      --     --       --        --     --       in     --     --
# ── Conference, minutes, tallies: standing R, organizer R, office R, director R + attendance,
# unit_committee RW own unit, cell_secretary RW own chi bộ, member R own chi bộ's minutes ──────
conferences.list                          --     in       in        in     in       in     in     in
conferences.get                           --     in       in        in     in       in     in     in
conferences.start                         --     --       --        --     --       in     in     --
conferences.complete-agenda-item          --     --       --        --     --       in     in     --
conferences.save-minutes                  --     --       --        --     --       in     in     --
# Reading: "record attendance" for a director is the guests' list (which directors and upper-level
# guests came); the members' attendance is the meeting's own record.
conferences.save-attendance               --     --       --        --     --       in     in     --
conferences.save-guests                   --     --       --        --     in       in     in     --
conferences.save-entry                    --     --       --        --     --       in     in     --
votes.save                                --     --       --        --     --       in     in     --
conferences.close                         --     --       --        --     --       in     in     --
# ── Remediation: standing, organizer, office, director R; unit_committee RW own unit;
# cell_secretary RW own chi bộ; member RW own ──────────────────────────────────────────────────
remediation.mine                          all    all      all       all    all      all    all    all
# The tracking list; a member's shows their own plans only.
remediation.list                          --     in       in        in     in       in     in     in
remediation.get                           --     in       in        in     in       in     in     in
remediation.save                          --     --       --        --     --       in     in     in
remediation.file                          --     --       --        --     --       in     in     in
remediation.add-update                    --     --       --        --     --       in     in     in
# The unit reports its remediation upward: its committee (the chi bộ's secretary for the chi bộ).
remediation.report                        --     --       --        --     --       in     in     --
# A shortcoming's thread across years is the remediation's (and the subject's own).
shortcomings.history                      --     in       in        in     in       in     in     in
# ── Classification before publication: standing RW (decide units), organizer RW (propose),
# director R, unit_committee RW (decide members), cell_secretary RW (propose), member own self
# level only; after publication: standing, organizer, office, director, unit_committee,
# cell_secretary R, member R own ────────────────────────────────────────────────────────────
classification.mine                       all    all      all       all    all      all    all    all
classification.board:before               --     in       in        --     in       in     in     --
# Reading: the board (proposals, checks, what-if) is the proposing and deciding side's tool, before
# and after publication; the office reads published results through decisions, exports and reports.
classification.board:after                --     in       in        --     in       in     in     --
# The what-if re-runs the board's checks without saving anything: the board's readers.
classification.what-if                    --     in       in        --     in       in     in     --
# A member's level is proposed by the chi bộ (its secretary) or the grassroots committee
# (regulations §2.5); the Organization Board proposes the grassroots units, not members.
classification.propose                    --     --       --        --     --       in     in     --
# A member's level is decided by the grassroots committee ("decide members").
classification.decide                     --     --       --        --     --       in     --     --
classification.decisions:before           --     in       in        --     in       in     in     --
classification.decisions:after            --     in       in        in     in       in     in     --
classification.publish                    --     --       --        --     --       in     --     --
# Before publication a member reads only their own self level (checked: nothing else is shown).
classification.get:before                 --     in       in        --     in       in     in     in
classification.get:after                  --     in       in        in     in       in     in     in
classification.acknowledge                --     --       --        --     --       --     --     in
complaints.file                           --     --       --        --     --       --     --     in
# Reading: complaints are read by those who read the published result over the subject; a member
# lists their own.
complaints.list                           --     in       in        in     in       in     in     in
# Re-rating is a decision of the upper level (the Standing Committee).
complaints.resolve                        --     in       --        --     --       --     --     --
classification.commendations:before       --     in       in        --     in       in     in     --
classification.commendations:after        --     in       in        in     in       in     in     --
# ── Documents, register, announcements: admin R, standing R, organizer RW, office RW,
# director R, unit_committee RW own unit, cell_secretary R, member R announcements ─────────────
# Reading: the party format (margins, "Số", the body above the top committee) is one for the whole
# deployment: read by everyone who drafts or reads documents, set by the administrator or the office
# of the top of the tree (the province here), never by a committee below it.
documents.settings                        all    all      all       all    --       all    all    --
documents.update-settings                 --     --       --        --     --       --     --     --
# A collective report's draft: the register's readers who also read collective reports (the
# document shows the report: admin reads no review content).
documents.draft                           --     in       in        in     in       in     in     --
documents.draft-file                      --     in       in        in     in       in     in     --
documents.issue                           --     --       in        in     --       in     --     --
documents.list                            in     in       in        in     in       in     in     --
# Gap (app narrower than design §2 "director R"): the register is read through grants; a director
# with no grant of their own opens a unit's draft (documents.draft) but not the issued document.
documents.get                             in     in       in        in     --       in     in     --
documents.file                            in     in       in        in     --       in     in     --
announcements.list                        all    all      all       all    all      all    all    all
announcements.post                        --     --       in        in     --       in     --     --
announcements.update                      --     --       in        in     --       in     --     --
announcements.withdraw                    --     --       in        in     --       in     --     --
# A file of the plan: the campaign's readers.
attachments.download:draft-plan           in     in       in        in     in       --     --     --
attachments.download:approved-plan        in     in       in        in     in       in     in     --
# A file of a member's review: the review's readers.
attachments.download:review               --     in       in        --     --       in     in     in
# A file of a unit's dossier: the dossier's readers.
attachments.download:dossier              --     in       in        in     in       in     in     --
attachments.delete:plan                   --     in       in        --     --       --     --     --
attachments.delete:review                 --     --       --        --     --       --     in     in
attachments.delete:dossier                --     --       --        --     --       in     --     --
# ── Reports and statistics of the subtree (office: "reports and statistics of the subtree");
# levels count only once published (classification after publication) ─────────────────────────
exports.member-levels                     --     in       in        in     in       in     in     --
exports.level-totals                      --     in       in        in     in       in     in     --
# Reading: the progress board and the statistics are reports (admin R "Documents, register"): stages
# and counts, never one person's review or level.
exports.unit-progress                     in     in       in        in     in       in     in     --
exports.remediation-tracking              --     in       in        in     in       in     in     --
reports.statistics                        in     in       in        in     in       in     in     --
`;

const ROLE_ORDER: Role[] = ['admin', 'standing', 'organizer', 'office', 'director', 'unit_committee', 'cell_secretary', 'member'];

/** operationId → variant ('' when the operation has one line) → role → rule. */
export const EXPECTATIONS: Map<string, Map<string, Record<Role, Rule>>> = parseTable(TABLE);

function parseTable(text: string): Map<string, Map<string, Record<Role, Rule>>> {
  const out = new Map<string, Map<string, Record<Role, Rule>>>();
  const lines = text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const [header, ...rows] = lines;
  if (header.split(/\s+/).length !== 1 + ROLE_ORDER.length) throw new Error('authorization table: bad header');
  for (const row of rows) {
    const [key, ...cells] = row.trim().split(/\s+/);
    const [operationId, variant = ''] = key.split(':');
    if (cells.length !== ROLE_ORDER.length || cells.some((c) => c !== 'in' && c !== 'all' && c !== '--'))
      throw new Error(`authorization table: malformed line "${row}"`);
    const variants = out.get(operationId) ?? new Map<string, Record<Role, Rule>>();
    if (variants.has(variant) || (variant === '' ? variants.size > 0 : variants.has(''))) {
      throw new Error(`authorization table: ${key} is written twice, or mixes a plain line with variants`);
    }
    variants.set(variant, Object.fromEntries(ROLE_ORDER.map((r, i) => [r, cells[i] as Rule])) as Record<Role, Rule>);
    out.set(operationId, variants);
  }
  return out;
}
