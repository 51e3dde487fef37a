// File downloads (Excel, Word, PDF): one way to name them and to keep them out of shared caches.
import { foldForSearch } from '../../../shared/text.js';

/** RFC 6266 / RFC 5987: an ASCII name for old clients, the Vietnamese one in filename*. */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ext = /\.[A-Za-z0-9]{1,5}$/.exec(fileName)?.[0] ?? '';
  const ascii =
    foldForSearch(fileName.slice(0, fileName.length - ext.length))
      .replace(/[^a-z0-9.]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'tep';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}${ext.toLowerCase()}"; filename*=UTF-8''${encoded}`;
}

export function fileDownload(
  body: BodyInit,
  fileName: string,
  mediaType: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): Response {
  return new Response(body, {
    headers: {
      'content-type': mediaType,
      'content-disposition': contentDisposition(fileName, disposition),
      // Reviews, levels and member lists are personal data: no shared or stored copies along the way.
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
