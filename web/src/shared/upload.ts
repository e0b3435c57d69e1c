import type { paths } from '../api/schema';
import { ApiError, networkProblem, shownProblem } from './problem';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
/** What an upload answers: the stored files and the case after them. */
export type UploadAnswer = Json<paths['/api/v1/cases/{id}/materials/{materialId}/files']['post']['responses'][200]>;

/**
 * Sends one batch of files for a material (multipart, parts named `files`) with upload progress, which fetch cannot
 * report: XMLHttpRequest. Answers the stored files and the case after them, or throws an ApiError with the
 * Chinese message (a refused file names itself in `files.<n>` / `files.<n>.fileName`).
 */
export function uploadBatch(options: {
  caseId: string;
  materialId: string;
  files: File[];
  token: string | undefined;
  onProgress?: (percent: number) => void;
}): Promise<UploadAnswer> {
  const body = new FormData();
  for (const f of options.files) body.append('files', f, f.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(
      'POST',
      `/api/v1/cases/${encodeURIComponent(options.caseId)}/materials/${encodeURIComponent(options.materialId)}/files`,
    );
    if (options.token) xhr.setRequestHeader('authorization', `Bearer ${options.token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) options.onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(networkProblem()));
    xhr.onload = () => {
      let parsed: unknown;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        parsed = undefined;
      }
      if (xhr.status === 200 && parsed) resolve(parsed as UploadAnswer);
      else reject(new ApiError(shownProblem(xhr.status, parsed)));
    };
    xhr.send(body);
  });
}

/** The message of a refused upload: the service's reason for the file (`files.0`, `file` …) when it gave one. */
export function uploadMessage(error: unknown, fileName: string): string {
  if (!(error instanceof ApiError)) return `“${fileName}”上传失败，请重试`;
  const fileReasons = Object.entries(error.problem.fields)
    .filter(([name]) => name.startsWith('file') || name === 'content')
    .map(([, message]) => message);
  return fileReasons.length > 0 ? `“${fileName}”未能上传：${fileReasons.join('；')}` : error.message;
}

/**
 * Posts one file as multipart (its form part named `part`, after the text parts `fields`) with the person's token;
 * gives the answer of a 201 (or of another status in `accepted`), else throws the service's problem (or a network
 * problem).
 */
export async function postOneFile<T>(
  url: string,
  part: string,
  file: File,
  token: string | undefined,
  accepted: readonly number[] = [201],
  fields: Readonly<Record<string, string>> = {},
): Promise<T> {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append(part, file, file.name);
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body, headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(networkProblem());
  }
  const parsed: unknown = await res.json().catch(() => undefined);
  if (!accepted.includes(res.status) || !parsed) throw new ApiError(shownProblem(res.status, parsed));
  return parsed as T;
}
