// A document model as a file: Word in the party format, or PDF for printing (issue 5 items 1, 3).
import type { DocumentModel } from '../../../shared/contracts/documents.js';
import { renderDocx } from '../../adapters/documents/docx.js';
import { renderPdf } from '../../adapters/documents/pdf.js';
import type { Tx } from '../context.js';
import { loadDocumentFormat } from './document-kit.js';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_MIME = 'application/pdf';

export async function renderDocumentFile(
  db: Tx,
  model: DocumentModel,
  fileBase: string,
  as: 'docx' | 'pdf',
): Promise<{ fileName: string; body: Buffer; mediaType: string }> {
  const format = await loadDocumentFormat(db);
  if (as === 'docx') return { fileName: `${fileBase}.docx`, body: await renderDocx(model, format), mediaType: DOCX_MIME };
  return { fileName: `${fileBase}.pdf`, body: await renderPdf(model, format), mediaType: PDF_MIME };
}

/** A file name from a register entry: "12-BC-TU Báo cáo kết quả …" (slashes are not allowed in names). */
export function issuedFileBase(numberText: string, title: string): string {
  const number = numberText.replace(/^Số:?\s*/u, '').replace(/\//g, '-');
  return `${number} ${title}`.slice(0, 150).trim();
}
