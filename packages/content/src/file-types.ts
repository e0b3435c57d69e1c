/**
 * The file types GovHall accepts (a catalogue item's blank form or sample, a case's material), each with its file-name extensions and a check of the content's
 * leading bytes (magic numbers). Office Open XML and OFD (GB/T 33190) are ZIP packages told apart by the part
 * names stored in them; .doc and .xls are OLE2 compound files told apart by their main stream's name.
 */

export interface FileType {
  label: string;
  extensions: readonly string[];
  matches(content: Buffer): boolean;
}

const startsWith = (magic: number[]) => (content: Buffer) =>
  content.length >= magic.length && magic.every((b, i) => content[i] === b);

const ZIP = startsWith([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = startsWith([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** A ZIP package holding a part whose name contains `part` (names are stored uncompressed). */
const zipWith = (part: string) => (content: Buffer) => ZIP(content) && content.includes(part, 0, 'latin1');
/** An OLE2 compound file with a stream named `stream` (directory names are UTF-16LE). */
const ole2With = (stream: string) => (content: Buffer) =>
  OLE2(content) && content.includes(Buffer.from(stream, 'utf16le'));

export const FILE_TYPES: Readonly<Record<string, FileType>> = {
  'application/pdf': { label: 'PDF', extensions: ['pdf'], matches: startsWith([0x25, 0x50, 0x44, 0x46, 0x2d]) },
  'application/msword': { label: 'Word（.doc）', extensions: ['doc'], matches: ole2With('WordDocument') },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    label: 'Word（.docx）',
    extensions: ['docx'],
    matches: zipWith('word/'),
  },
  'application/vnd.ms-excel': { label: 'Excel（.xls）', extensions: ['xls'], matches: ole2With('Workbook') },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    label: 'Excel（.xlsx）',
    extensions: ['xlsx'],
    matches: zipWith('xl/'),
  },
  'image/png': {
    label: 'PNG',
    extensions: ['png'],
    matches: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  'image/jpeg': { label: 'JPEG', extensions: ['jpg', 'jpeg'], matches: startsWith([0xff, 0xd8, 0xff]) },
  'application/ofd': { label: 'OFD', extensions: ['ofd'], matches: zipWith('OFD.xml') },
};

/** `Application/PDF; charset=binary` → `application/pdf`. */
export function normalizeContentType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/**
 * The type the content itself shows (its magic number), whatever the file is called: the media type and its
 * description, or undefined for content of no accepted type (an executable renamed .pdf, plain text …).
 */
export function sniffFileType(content: Buffer): { contentType: string; type: FileType } | undefined {
  for (const [contentType, type] of Object.entries(FILE_TYPES)) {
    if (type.matches(content)) return { contentType, type };
  }
  return undefined;
}
