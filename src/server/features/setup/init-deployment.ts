// A real, empty deployment (issue 2 item 8 `tusoi init`, and `npm start` with TUSOI_DEMO=0): the
// committee as the root of the tree and a first administrator over it, whose generated password
// is shown once and must be changed at the first login. Refused when the tree is not empty, so it
// can never be run by mistake over a working database.
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import { createAccountBody } from '../../../shared/contracts/auth.js';
import { requiredText } from '../../../shared/contracts/common.js';
import { unitCode } from '../../../shared/contracts/org-units.js';
import { foldForSearch } from '../../../shared/text.js';
import { generateInitialPassword, hashPassword } from '../../adapters/auth/password.js';
import { newId } from '../../adapters/clock.js';
import { recordAudit } from '../../adapters/db/audit.repository.js';
import { newOrgUnitRow, unitSnapshot } from '../../adapters/db/org-units.repository.js';
import { childPath } from '../../domain/org-tree.js';
import type { AppContext, Tx } from '../context.js';
import { insertAccount, insertGrant } from '../accounts/account-rows.js';

export interface InitInput {
  committeeName: string;
  code?: string;
  adminUsername?: string;
}

export interface InitResult {
  unitId: string;
  unitName: string;
  code: string;
  username: string;
  /** Shown once to whoever set up the deployment; only its hash is stored. */
  password: string;
}

/** "Đảng bộ tỉnh Hà Tĩnh" → "DBTHT": the initials, as party offices abbreviate their units. */
export function defaultCommitteeCode(name: string): string {
  const initials = foldForSearch(name)
    .split(' ')
    .map((w) => w.replace(/[^a-z0-9]/g, '')[0] ?? '')
    .join('')
    .toUpperCase();
  return initials.slice(0, 40) || 'DB';
}

function parse<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } },
  value: unknown,
  what: string,
): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new AppError('request.invalid', `${what}: ${r.error.issues.map((i) => i.message).join('; ')}`);
  return r.data;
}

export async function treeIsEmpty(db: Tx): Promise<boolean> {
  return (await db.selectFrom('org_units').select('id').limit(1).executeTakeFirst()) === undefined;
}

export async function initDeployment(ctx: AppContext, input: InitInput): Promise<InitResult> {
  const name = parse(requiredText(200), input.committeeName, 'Tên cấp ủy');
  const code = parse(unitCode, input.code ?? defaultCommitteeCode(name), 'Mã cấp ủy');
  const username = parse(createAccountBody.shape.username, input.adminUsername ?? 'admin', 'Tên đăng nhập');
  if (!(await treeIsEmpty(ctx.db))) throw new AppError('setup.not_empty');
  const password = generateInitialPassword(randomBytes);
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction().execute(async (tx) => {
    if (!(await treeIsEmpty(tx))) throw new AppError('setup.not_empty');
    const at = ctx.clock.now();
    const id = newId();
    const path = childPath(null, id);
    const unit = newOrgUnitRow({ id, parentId: null, path, kind: 'committee', sector: null, code, name }, at);
    await tx.insertInto('org_units').values(unit).execute();
    await recordAudit(tx, {
      entityType: 'org_unit',
      entityId: id,
      action: 'setup.create_committee',
      actorId: null,
      scopePath: path,
      at,
      after: unitSnapshot(unit),
      isNew: true,
    });
    const account = await insertAccount(
      tx,
      { username, displayName: 'Quản trị hệ thống', passwordHash, memberId: null, mustChangePassword: true },
      { actorId: null, action: 'setup.create_admin', at },
    );
    await insertGrant(
      tx,
      { accountId: account.id, role: 'admin', unit, createdBy: null },
      { actorId: null, action: 'setup.grant_admin', at },
    );
    return { unitId: id, unitName: name, code, username, password };
  });
}
