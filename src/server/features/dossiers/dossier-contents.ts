// What a unit's dossier holds (issue 3 item 7: "collective report, the reviews of its key leaders,
// attachments") and what is still missing before it may be submitted. The reviews themselves are
// written elsewhere (features/reviews); the dossier only reads their status.
import { REVIEW_STATUS_LABELS, REVIEW_SUBJECT_LABELS, type ReviewStatus } from '../../../shared/campaign-vocabulary.js';
import { withinPaths } from '../../adapters/db/campaigns.repository.js';
import type { CampaignRow } from '../../adapters/db/schema.js';
import { ruleSetById } from '../../domain/rule-sets/index.js';
import type { Tx } from '../context.js';
import type { DossierRow } from './dossier-access.js';
import { subjectReview } from '../../adapters/db/campaign-subject-joins.js';

/** A review counts in the dossier once it has been submitted (regulations §3.1 bước 2–3). */
const COMPLETE: readonly ReviewStatus[] = ['submitted', 'finalized'];
const isComplete = (status: ReviewStatus | null) => status !== null && COMPLETE.includes(status);
const statusLabel = (status: ReviewStatus | null) => (status ? REVIEW_STATUS_LABELS[status] : 'Chưa lập');

export interface DossierReport {
  subjectKind: 'collective' | 'leadership';
  title: string;
  subjectKey: string;
  status: ReviewStatus | null;
  statusLabel: string;
  complete: boolean;
}

export interface DossierKeyLeader {
  memberId: string;
  fullName: string;
  unitName: string;
  unitPath: string;
  partyPosts: string | null;
  status: ReviewStatus | null;
  statusLabel: string;
  complete: boolean;
}

export interface DossierContents {
  reports: DossierReport[];
  keyLeaders: DossierKeyLeader[];
  /** In Vietnamese, one line per missing piece; empty when the dossier may be submitted. */
  missing: string[];
}

export async function dossierContents(db: Tx, campaign: CampaignRow, dossier: DossierRow): Promise<DossierContents> {
  const unitReviews = await db
    .selectFrom('reviews')
    .select(['subject_kind', 'status', 'version'])
    .where('campaign_id', '=', campaign.id)
    .where('subject_key', '=', dossier.unit_id)
    .where('subject_kind', 'in', ['collective', 'leadership'])
    .execute();
  // A row at version 0 holds only comments or files that came before the first save: not started.
  const statusOf = (kind: string) =>
    (unitReviews.find((r) => r.subject_kind === kind && r.version > 0)?.status as ReviewStatus | undefined) ?? null;

  // The leadership collective is a subject of its own from QĐ 124 on (regulations §1.2): it belongs
  // in the dossier of a grassroots unit, and of any unit where one has been written.
  const reviewsLeadership = ruleSetById(campaign.rule_set_id)?.reviewsLeadershipCollective === true;
  const kinds: ('collective' | 'leadership')[] = ['collective'];
  if (reviewsLeadership && (dossier.is_grassroots === 1 || statusOf('leadership') !== null)) kinds.push('leadership');
  const reports: DossierReport[] = kinds.map((kind) => {
    const status = statusOf(kind);
    return {
      subjectKind: kind,
      title: kind === 'collective' ? 'Báo cáo kiểm điểm tập thể' : `Báo cáo kiểm điểm ${REVIEW_SUBJECT_LABELS.leadership.toLowerCase()}`,
      subjectKey: dossier.unit_id,
      status,
      statusLabel: statusLabel(status),
      complete: isComplete(status),
    };
  });

  // Key leaders of the unit and of the units below it, as the population snapshot marked them.
  const leaders = await db
    .selectFrom('campaign_members as cm')
    .innerJoin('members as m', 'm.id', 'cm.member_id')
    .innerJoin('org_units as u', 'u.id', 'cm.unit_id')
    .leftJoin('reviews as r', subjectReview('r', 'member', 'cm'))
    .select(['cm.member_id', 'm.full_name', 'm.party_posts', 'u.name as unit_name', 'cm.unit_path', 'r.status', 'r.version'])
    .where('cm.campaign_id', '=', campaign.id)
    .where('cm.included', '=', 1)
    .where('cm.is_key_leader', '=', 1)
    .where((eb) => withinPaths(eb, 'cm.unit_path', [dossier.unit_path]))
    .orderBy('m.sort_key')
    .execute();
  const keyLeaders: DossierKeyLeader[] = leaders.map((l) => {
    const status = l.version ? ((l.status as ReviewStatus | null) ?? null) : null;
    return {
      memberId: l.member_id,
      fullName: l.full_name,
      unitName: l.unit_name,
      unitPath: l.unit_path,
      partyPosts: l.party_posts,
      status,
      statusLabel: statusLabel(status),
      complete: isComplete(status),
    };
  });

  const missing: string[] = [];
  for (const r of reports) if (!r.complete) missing.push(`${r.title} chưa được nộp (${r.statusLabel.toLowerCase()})`);
  const pendingLeaders = keyLeaders.filter((l) => !l.complete);
  if (pendingLeaders.length > 0) {
    missing.push(`Bản kiểm điểm của đồng chí ${pendingLeaders.map((l) => l.fullName).join(', ')} chưa được nộp`);
  }
  return { reports, keyLeaders, missing };
}
