/**
 * What the browser checks before a material's file is sent: its type (by the name's extension, against the
 * material's formats) and its size (the material's limit, and the most one upload may carry). The service checks
 * both again from the content; this spares the applicant a wait and says plainly what is wrong.
 */

/** The most one file of an upload may weigh (the gateway's CASE_UPLOAD_MAX_FILE_BYTES and the service's limit). */
export const UPLOAD_MAX_BYTES = 4 * 1024 * 1024;

export interface MaterialRule {
  name: string;
  /** Lower-case extensions without the dot; empty: no electronic copy is taken. */
  formats: string[];
  /** The material's own limit in KB; 0: none besides UPLOAD_MAX_BYTES. */
  maxSizeKb: number;
}

/** The largest file the material takes, in bytes. */
export function maxBytes(rule: Pick<MaterialRule, 'maxSizeKb'>): number {
  return rule.maxSizeKb > 0 ? Math.min(rule.maxSizeKb * 1024, UPLOAD_MAX_BYTES) : UPLOAD_MAX_BYTES;
}

/** A size as people read it: 512 KB, 4 MB, 5.3 MB. */
export function shownSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / 1024 / 1024;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** The formats as listed to the applicant: PDF、JPG、PNG. */
export function shownFormats(formats: string[]): string {
  return formats.map((f) => f.toUpperCase()).join('、');
}

/** The `accept` attribute of the file chooser: `.pdf,.jpg`. */
export function acceptOf(formats: string[]): string {
  return formats.map((f) => `.${f.toLowerCase()}`).join(',');
}

const extension = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

/** Why `file` may not be uploaded for the material (Chinese, naming the file), or undefined when it may. */
export function fileProblem(file: { name: string; size: number }, rule: MaterialRule): string | undefined {
  const formats = rule.formats.map((f) => f.toLowerCase());
  if (formats.length === 0) return `“${rule.name}”无需上传电子件，请按办事指南提交纸质材料`;
  const ext = extension(file.name);
  if (!formats.includes(ext)) {
    const what = ext ? `${ext.toUpperCase()} 格式的文件` : '没有扩展名的文件';
    return `“${file.name}”是${what}，“${rule.name}”只接受 ${shownFormats(formats)} 格式的文件`;
  }
  if (file.size === 0) return `“${file.name}”是空文件，请重新选择`;
  const limit = maxBytes(rule);
  if (file.size > limit) {
    return `“${file.name}”大小为 ${shownSize(file.size)}，超过了“${rule.name}”的上限 ${shownSize(limit)}，请压缩后重新上传`;
  }
  if (file.name.length > 120 || /[\\/]/.test(file.name)) return `“${file.name}”的文件名过长或含有“/”“\\”，请改名后上传`;
  return undefined;
}
