// Inspects an uploaded .xlsx (a zip) BEFORE any spreadsheet library touches it (issue 2 item 5:
// refuse wrong types, corrupt zips and zip bombs without exhausting memory).
//
// 1. The central directory is read (yauzl): entry count, declared sizes, compression ratios.
// 2. The entries' byte ranges must tile the file with no gaps and no overlaps. Streaming readers
//    (ExcelJS's reader reads local headers one after another) would otherwise inflate data that
//    the central directory does not declare, and overlapping entries are the "better zip bomb".
// 3. Every entry is inflated once into a counter, never into memory: yauzl checks that each
//    entry inflates to exactly its declared size, and the running total is capped as well.
//    While the worksheets stream past, their <row> tags are counted, so that a large file can be
//    sent to the job queue without parsing it in the request.
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { AppError } from '../../../shared/errors.js';

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the entries' inflated sizes (declared and actual). */
  maxTotalUncompressed: number;
  /** An entry inflating more than this many times its compressed size … */
  maxRatio: number;
  /** … is refused once it declares at least this many bytes (tiny entries compress wildly). */
  ratioMinBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxTotalUncompressed: 200 * 1024 * 1024,
  maxRatio: 100,
  ratioMinBytes: 1024 * 1024,
};

export interface XlsxInspection {
  entries: number;
  uncompressedBytes: number;
  /** Rows (<row> elements) of the largest worksheet, header included. */
  worksheetRows: number;
}

const MB = 1024 * 1024;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
/** Largest data descriptor (zip64 with signature) allowed between two entries. */
const MAX_DESCRIPTOR = 24;

function invalid(message: string): AppError {
  return new AppError('import.invalid_file', message);
}

const CORRUPT = 'Tệp bị hỏng: không đọc được nội dung nén của tệp Excel (.xlsx). Hãy mở tệp bằng Excel, lưu lại và thử lại.';

/** Offset of the central directory from the end-of-central-directory record; null for zip64. */
function centralDirectoryOffset(buffer: Buffer): number | null {
  const start = Math.max(0, buffer.length - 22 - 0xffff);
  for (let i = buffer.length - 22; i >= start; i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      const offset = buffer.readUInt32LE(i + 16);
      return offset === 0xffffffff ? null : offset;
    }
  }
  return null;
}

/** Counts "<row " / "<row>" (any namespace prefix) across chunk boundaries; not "<rowBreaks". */
class RowCounter extends Writable {
  rows = 0;
  private carry = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null) => void): void {
    const text = this.carry + chunk.toString('latin1');
    const re = /<(?:[A-Za-z_][\w.-]*:)?row[\s/>]/g;
    let lastEnd = 0;
    while (re.exec(text)) {
      this.rows += 1;
      lastEnd = re.lastIndex;
    }
    // Keep a tail long enough to hold a split tag, but never one already counted.
    this.carry = text.slice(Math.max(lastEnd, text.length - 40));
    done();
  }
}

class ByteSink extends Writable {
  override _write(_chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    done();
  }
}

/**
 * Checks that `buffer` is a sound .xlsx within the limits, or throws `import.invalid_file` /
 * `import.too_large` with a Vietnamese message. Memory used: the buffer itself plus a few chunks.
 */
export async function inspectXlsx(buffer: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<XlsxInspection> {
  if (buffer.length >= 4 && buffer.subarray(0, 4).equals(OLE_MAGIC)) {
    throw invalid('Tệp là định dạng Excel cũ (.xls) hoặc có đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu và lưu lại dưới dạng .xlsx.');
  }
  if (buffer.length < 22 || !buffer.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw invalid('Tệp không phải là tệp Excel (.xlsx). Hãy tải mẫu nhập, điền dữ liệu và lưu dưới dạng .xlsx.');
  }
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw invalid(CORRUPT);
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw invalid(`Tệp nén có ${zip.entryCount} thành phần, nhiều bất thường đối với một tệp Excel; không xử lý.`);
    }
    const entries: yauzl.Entry[] = [];
    let declaredTotal = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        entries.push(entry);
        declaredTotal += entry.uncompressedSize;
        if (entry.isEncrypted()) throw invalid('Tệp Excel có mật khẩu. Hãy bỏ mật khẩu rồi tải lên lại.');
        if (declaredTotal > limits.maxTotalUncompressed) {
          throw new AppError(
            'import.too_large',
            `Nội dung tệp sau khi giải nén vượt quá ${Math.round(limits.maxTotalUncompressed / MB)} MB; không xử lý. Hãy chia nhỏ tệp.`,
          );
        }
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
        if (entry.uncompressedSize >= limits.ratioMinBytes && ratio > limits.maxRatio) {
          throw invalid('Tệp có tỉ lệ nén bất thường (nghi là "bom nén" — zip bomb); không xử lý.');
        }
      }
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw invalid(CORRUPT);
    }
    const names = new Set(entries.map((e) => e.fileName.replace(/^\/+/, '')));
    if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
      throw invalid('Tệp nén không phải là bảng tính Excel (.xlsx). Hãy tải mẫu nhập, điền dữ liệu và lưu dưới dạng .xlsx.');
    }

    // Byte ranges must tile [0, central directory): nothing hidden between or under entries.
    const ranges: { start: number; end: number }[] = [];
    try {
      for (const entry of entries) {
        const header = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
        ranges.push({ start: entry.relativeOffsetOfLocalHeader, end: header.fileDataStart + entry.compressedSize });
      }
    } catch {
      throw invalid(CORRUPT);
    }
    ranges.sort((a, b) => a.start - b.start);
    const cdOffset = centralDirectoryOffset(buffer);
    let cursor = 0;
    for (const r of ranges) {
      const gap = r.start - cursor;
      if (gap < 0 || gap > (cursor === 0 ? 0 : MAX_DESCRIPTOR)) {
        throw invalid('Cấu trúc tệp nén bất thường (có dữ liệu ẩn hoặc chồng lấn); không xử lý.');
      }
      cursor = r.end;
    }
    if (cdOffset !== null && (cdOffset < cursor || cdOffset - cursor > MAX_DESCRIPTOR)) {
      throw invalid('Cấu trúc tệp nén bất thường (có dữ liệu ẩn hoặc chồng lấn); không xử lý.');
    }

    // Inflate each entry into a counter: actual sizes must match the declared ones (yauzl), and
    // the total stays under the cap even if a declaration lied.
    let inflated = 0;
    let worksheetRows = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      const isSheet = /^\/?xl\/worksheets\/[^/]+\.xml$/.test(entry.fileName);
      const sink = isSheet ? new RowCounter() : new ByteSink();
      try {
        const stream = await zip.openReadStreamPromise(entry);
        stream.on('data', (chunk: Buffer) => {
          inflated += chunk.length;
          if (inflated > limits.maxTotalUncompressed) stream.destroy(new AppError('import.too_large'));
        });
        await pipeline(stream, sink);
      } catch (e) {
        if (e instanceof AppError) {
          throw new AppError(
            'import.too_large',
            `Nội dung tệp sau khi giải nén vượt quá ${Math.round(limits.maxTotalUncompressed / MB)} MB; không xử lý.`,
          );
        }
        throw invalid(CORRUPT);
      }
      if (sink instanceof RowCounter) worksheetRows = Math.max(worksheetRows, sink.rows);
    }
    return { entries: entries.length, uncompressedBytes: inflated, worksheetRows };
  } finally {
    zip.close();
  }
}
