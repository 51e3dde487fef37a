// Adds a member to a chi bộ the caller may write (design §2), with the first rows of the status
// and unit histories and an audit event, in one transaction.
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { createMemberBody } from '../../../shared/contracts/members.js';
import type { OrgKind } from '../../../shared/vocabulary.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { insertMembers, newMemberRow } from '../../adapters/db/members.repository.js';
import { findUnit } from '../../adapters/db/org-units.repository.js';
import { businessDate } from '../../adapters/db/settings.repository.js';
import { profileProblems, type MemberProfile } from '../../domain/member-profile.js';
import { holdsMembers } from '../../domain/org-tree.js';
import { canReadUnit, canWriteUnit } from '../../domain/policy.js';
import type { AppContext, Caller, Tx } from '../context.js';
import { memberSnapshot } from './present-member.js';

export function profileFromInput(input: Partial<z.infer<typeof createMemberBody>>): Partial<MemberProfile> {
  const out: Partial<MemberProfile> = {};
  const keys = [
    'familyName',
    'middleName',
    'givenName',
    'birthDate',
    'gender',
    'cardNumber',
    'admissionDate',
    'officialDate',
    'partyPosts',
    'governmentPosts',
    'isLeader',
    'isHead',
    'isCivilServant',
  ] as const;
  for (const k of keys) if (input[k] !== undefined) (out as Record<string, unknown>)[k] = input[k];
  return out;
}

export function assertProfile(p: Partial<MemberProfile>): void {
  const problems = profileProblems(p);
  if (problems.length) throw new AppError('request.invalid', problems[0].message, { problems });
}

export async function assertCardFree(tx: Tx, card: string | null | undefined, exceptId?: string): Promise<void> {
  if (!card) return;
  let q = tx.selectFrom('members').select('id').where('card_number', '=', card);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw new AppError('member.card_taken');
}

export async function createMember(ctx: AppContext, caller: Caller, input: z.infer<typeof createMemberBody>): Promise<{ id: string }> {
  const profile: MemberProfile = {
    familyName: input.familyName,
    middleName: input.middleName ?? '',
    givenName: input.givenName,
    birthDate: input.birthDate ?? null,
    gender: input.gender ?? null,
    cardNumber: input.cardNumber ?? null,
    admissionDate: input.admissionDate ?? null,
    officialDate: input.officialDate ?? null,
    partyPosts: input.partyPosts ?? null,
    governmentPosts: input.governmentPosts ?? null,
    isLeader: input.isLeader ?? false,
    isHead: input.isHead ?? false,
    isCivilServant: input.isCivilServant ?? false,
  };
  assertProfile(profile);
  return ctx.db.transaction().execute(async (tx) => {
    const unit = await findUnit(tx, input.unitId);
    if (!unit || !canReadUnit(caller, unit)) throw new AppError('org_unit.not_found');
    if (!canWriteUnit(caller, unit)) throw new AppError('auth.forbidden');
    if (!holdsMembers(unit.kind as OrgKind)) throw new AppError('member.invalid_unit');
    if (unit.valid_to) throw new AppError('org_unit.inactive');
    await assertCardFree(tx, profile.cardNumber);
    const now = ctx.clock.now();
    const since = input.joinedUnitOn ?? (await businessDate(tx, now)).date;
    const id = newId();
    const row = newMemberRow(id, unit, profile, 'active', since, now);
    await insertMembers(tx, [row]);
    await tx
      .insertInto('member_status_history')
      .values({ id: newId(), member_id: id, status: 'active', from_date: since, to_date: null, reason: null, created_at: now })
      .execute();
    await tx
      .insertInto('member_unit_history')
      .values({ id: newId(), member_id: id, unit_id: unit.id, from_date: since, to_date: null, reason: null, created_at: now })
      .execute();
    await recordAudit(tx, {
      entityType: 'member',
      entityId: id,
      action: 'member.create',
      actorId: caller.accountId,
      scopePath: unit.path,
      at: now,
      after: memberSnapshot(row),
      isNew: true,
    });
    return { id };
  });
}
