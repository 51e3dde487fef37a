// When a review meeting may close (issue 4 item 1: "a conference cannot close without minutes"):
// the minutes name the chair and the secretary and record at least one entry, every subject of the
// agenda has had its turn, and the meeting had its quorum (quorum.ts). Pure. Minutes are kept at
// every review meeting (regulations §3.1 bước 5 [S59], §3.3 "Biên bản họp chi bộ"; QĐ 366 Điều 17:
// the minutes belong to the dossier); what they must contain at the least is a Tự soi default
// (no text lists it), as is every subject having had its turn (QĐ 366 Điều 7 khoản 3: the order).
import type { Quorum } from './quorum.js';

export interface ClosingInput {
  /** The chair and the secretary are named in the minutes' header. */
  headerWritten: boolean;
  /** Entries of the minutes (criticism, answers, conclusions, notes) not withdrawn. */
  entries: number;
  /** Agenda items not yet done, in order. */
  pending: readonly { label: string; position: number }[];
  quorum: Quorum;
}

/** What the minutes still lack, in Vietnamese; empty when they are complete. */
export function minutesProblems(input: Omit<ClosingInput, 'quorum'>): string[] {
  const problems: string[] = [];
  if (!input.headerWritten) problems.push('Biên bản chưa ghi người chủ trì và thư ký hội nghị.');
  if (input.entries === 0) problems.push('Biên bản chưa có nội dung nào (ý kiến góp ý, giải trình, kết luận hoặc ghi chép).');
  if (input.pending.length > 0) {
    const names = input.pending.map((p) => `«${p.label}»`).join(', ');
    problems.push(`Còn ${input.pending.length} phần kiểm điểm chưa xong: ${names}.`);
  }
  return problems;
}

/** Every reason the meeting cannot close now: the minutes first, then the quorum. */
export function closeProblems(input: ClosingInput): string[] {
  const problems = minutesProblems(input);
  if (!input.quorum.met) problems.push(input.quorum.explanation);
  return problems;
}
