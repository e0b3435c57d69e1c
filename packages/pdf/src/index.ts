export {
  defaultFonts,
  FALLBACK_FONT,
  FALLBACK_FONT_FILE,
  type FontFiles,
  loadFonts,
  MAIN_FONT,
  MAIN_FONT_FILE,
  type PdfFonts,
  type TextRun,
} from './fonts';
export { type Doc, INK, MUTED, pageNumber, type PdfOptions, renderPdf } from './document';
export { chineseDate } from './chinese-date';
export { canonicalJson, sha256Hex } from './content-hash';
export { embeddedFont } from './inspect';
export { renderOfficialDocument } from './official/render';
export type {
  Block,
  HeadingBlock,
  ListBlock,
  ListItem,
  NoteBlock,
  OfficialDocumentSpec,
  ParagraphBlock,
  QrCodeSpec,
  SealSpec,
  TableBlock,
  GridBlock,
  GridColumn,
} from './official/spec';
export * from './case-documents';
