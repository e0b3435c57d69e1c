/**
 * An official document (公文-style notice, decision or licence) as data: what it says, not how it is drawn.
 * `renderOfficialDocument` lays it out; the same spec always gives the same bytes.
 */
export interface OfficialDocumentSpec {
  /** 发文机关: the issuing body, printed in red at the head of a notice (e.g. 永昌县政务服务中心). */
  issuingBody: string;
  /** 文种: the document's title (e.g. 受理通知书). */
  title: string;
  /** 发文字号 (e.g. 永昌县政务服务中心受理〔2026〕00012号); on a licence, shown under the title. */
  documentNumber?: string;
  /** 主送: who the document is addressed to; written as `张三：` before the body. */
  addressee?: string;
  /** The body, in order. */
  blocks: Block[];
  /** A QR code at the top right of the first page, with a caption under it. */
  qrCode?: QrCodeSpec;
  /**
   * The approval seal, drawn as a red circle over the signature: a rendering of the e-seal record named by
   * `sealId`, not a signature (the PDF carries no digital signature).
   */
  seal?: SealSpec;
  /** 落款: the signing body above the date; the seal's department, else the issuing body, when absent. */
  signature?: string;
  /**
   * 成文日期: a calendar day, `YYYY-MM-DD` or a Date (its day in Asia/Shanghai); written as 2026年3月2日. Without a
   * date and a seal the document has no signature block (e.g. a printed application form).
   */
  date?: string | Date;
  /** 抄送 and similar closing lines, under the signature, each on its own line. */
  closingNotes?: string[];
  /** SHA-256 (hex) printed in the footer of every page as 内容哈希（SHA-256）. */
  contentHash?: string;
  /** A further footer line on every page (e.g. how to verify the document). */
  footerNote?: string;
  /** The PDF's creation date; fixed by the caller so that the same spec gives the same bytes. */
  createdAt: Date;
  /** `notice` (default): red head and rule, 公文 layout. `certificate`: a licence in a double frame. */
  layout?: 'notice' | 'certificate';
  /** PDF metadata: subject and keywords. */
  subject?: string;
  keywords?: string;
}

export type Block = ParagraphBlock | HeadingBlock | ListBlock | TableBlock | GridBlock | NoteBlock;

/** A body paragraph, first line indented by two characters unless `indent` is false. */
export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  indent?: boolean;
  align?: 'left' | 'center' | 'right';
}

/** A subheading inside the body (e.g. 一、申请材料). */
export interface HeadingBlock {
  kind: 'heading';
  text: string;
}

/** A numbered list (1. 2. 3. …); each item may carry a detail line under it (e.g. what to bring or fix). */
export interface ListBlock {
  kind: 'list';
  items: ListItem[];
}

export interface ListItem {
  text: string;
  detail?: string;
}

/** A two-column key–value table (label | value), optionally with a header row. */
export interface TableBlock {
  kind: 'table';
  rows: [label: string, value: string][];
  header?: [string, string];
  /** Width of the label column in points (default 120). */
  labelWidth?: number;
}

/** A table of several columns with a header row (e.g. a payment notice's fee lines), an optional last row in bold. */
export interface GridBlock {
  kind: 'grid';
  columns: GridColumn[];
  rows: string[][];
  /** A closing row (e.g. 合计), drawn in the header's shade. */
  footer?: string[];
}

export interface GridColumn {
  header: string;
  /** Width in points; columns without one share what is left. */
  width?: number;
  /** Default left; amounts are right-aligned. */
  align?: 'left' | 'center' | 'right';
}

/** Smaller, muted text (e.g. a legal note or instructions). */
export interface NoteBlock {
  kind: 'note';
  text: string;
}

export interface QrCodeSpec {
  /** What the code encodes (e.g. a verification URL); byte mode, UTF-8. */
  payload: string;
  caption?: string;
}

export interface SealSpec {
  /** The department whose name runs around the seal's upper arc. */
  department: string;
  /** The text under the star (default 行政审批专用章). */
  label?: string;
  /** The e-seal record the drawing stands for, printed under the seal (电子印章编号). */
  sealId?: string;
}
