/**
 * `attachment` with the file name for every browser (RFC 6266): an ASCII fallback in `filename`, the real name
 * UTF-8 percent-encoded in `filename*` (RFC 8187), so 申请书.pdf arrives as 申请书.pdf.
 */
export function attachment(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
