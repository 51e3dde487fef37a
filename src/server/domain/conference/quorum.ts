// The quorum of a review meeting (issue 4 item 1). regulations §9b default, UNCONFIRMED: more than
// half of the official members summoned, exempt members not counted (they are outside the
// campaign's population, so never summoned). A campaign may set another share (`quorumPct` in its
// configuration); the explanation says which rule applied and shows the arithmetic.

export const DEFAULT_QUORUM_PCT = 50;

export interface Quorum {
  summoned: number;
  present: number;
  pct: number;
  isDefault: boolean;
  /** summoned × pct / 100: the present count must be strictly above it. */
  threshold: number;
  /** The fewest present for a valid meeting. */
  required: number;
  met: boolean;
  explanation: string;
  rule: string;
}

/** The campaign's own share when its configuration sets one (an integer 1–99), else null. */
export function quorumPctFromConfig(config: unknown): number | null {
  const v = (config as { quorumPct?: unknown } | null)?.quorumPct;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 99 ? v : null;
}

/** "10", "2,5" (Vietnamese decimal comma). */
function vn(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100).replace('.', ',');
}

export function quorumRule(pct: number, isDefault: boolean): string {
  const share = pct === 50 ? 'quá nửa' : `trên ${pct}%`;
  const source = isDefault ? 'mặc định của Tự soi khi văn bản chưa quy định (có thể cấu hình)' : 'theo cấu hình của đợt kiểm điểm';
  return `Hội nghị hợp lệ khi có mặt ${share} số đảng viên chính thức được triệu tập, không tính đảng viên được miễn công tác và sinh hoạt đảng (${source}).`;
}

export function computeQuorum(input: { summoned: number; present: number; pct?: number | null }): Quorum {
  const isDefault = input.pct === undefined || input.pct === null;
  const pct = isDefault ? DEFAULT_QUORUM_PCT : (input.pct as number);
  const threshold = (input.summoned * pct) / 100;
  // Strictly more than the threshold, in integers: floor(threshold) + 1.
  const required = Math.floor(threshold) + 1;
  const met = input.summoned > 0 && input.present >= required;
  const need = Number.isInteger(threshold) ? `cần trên ${vn(threshold)}` : `cần trên ${vn(threshold)}, tức ít nhất ${required}`;
  const verdict = met ? 'đủ số lượng để hội nghị hợp lệ' : 'chưa đủ số lượng để hội nghị hợp lệ';
  // Nobody to count: the roster is the members reviewed at the meeting (for a đảng bộ, its key
  // leaders as the campaign's population marks them), so an empty one is said plainly.
  const explanation =
    input.summoned === 0
      ? 'Danh sách triệu tập chưa có đảng viên chính thức nào (các đồng chí được kiểm điểm tại hội nghị): chưa xác định được số lượng hợp lệ.'
      : `Có mặt ${input.present}/${input.summoned} đảng viên chính thức được triệu tập (${need}): ${verdict}.`;
  return {
    summoned: input.summoned,
    present: input.present,
    pct,
    isDefault,
    threshold,
    required,
    met,
    explanation,
    rule: quorumRule(pct, isDefault),
  };
}
