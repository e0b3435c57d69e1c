import { ApiError, networkProblem, shownProblem } from '../shared/problem';
import { postOneFile } from '../shared/upload';

/** Uploads one inspection photo (multipart, part `photo`) with the person's token; gives its file id. */
export async function uploadPhoto(file: File, token: string | undefined): Promise<string> {
  return (await postOneFile<{ fileId: string }>('/api/v1/supervision/inspection-photos', 'photo', file, token)).fileId;
}

/** An inspection photo as an object URL for an <img> (an image element cannot send the token itself). */
export async function photoUrl(fileId: string, token: string | undefined): Promise<string> {
  let res: Response;
  try {
    res = await fetch(`/api/v1/supervision/inspection-photos/${encodeURIComponent(fileId)}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  } catch {
    throw new ApiError(networkProblem());
  }
  if (!res.ok) throw new ApiError(shownProblem(res.status, await res.json().catch(() => undefined)));
  return URL.createObjectURL(await res.blob());
}
