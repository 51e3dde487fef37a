// `tusoi audit verify` (issue 2 item 7): walks every entity's hash chain (design §3, AuditEvent) and
// reports the first broken link in Vietnamese.
import type { ChainProblem } from '../../domain/audit-chain.js';
import { verifyAllChains } from '../../adapters/db/audit.repository.js';
import type { AppContext } from '../context.js';

export interface AuditVerification {
  checked: number;
  problem: ChainProblem | null;
}

export async function verifyAudit(ctx: AppContext): Promise<AuditVerification> {
  return verifyAllChains(ctx.db);
}

const PROBLEM_TEXT: Record<ChainProblem['problem'], string> = {
  hash_mismatch: 'nội dung sự kiện không khớp mã băm (sự kiện đã bị sửa)',
  broken_link: 'mã băm của sự kiện trước không khớp (một sự kiện trước đó đã bị sửa, thay hoặc chèn)',
  gap: 'thiếu sự kiện trong chuỗi (có sự kiện đã bị xóa)',
};

export function describeChainProblem(p: ChainProblem): string {
  return `Chuỗi nhật ký bị phá vỡ: đối tượng ${p.entityType} ${p.entityId}, sự kiện số ${p.seq} (mã ${p.eventId}): ${PROBLEM_TEXT[p.problem]}.`;
}
