import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../api/schema';
import { ApiError, networkProblem, shownProblem } from './problem';

/** Gives the signed-in person's access token, or nothing (anonymous calls: search, guides, progress). */
type TokenSource = () => Promise<string | undefined>;
let tokenSource: TokenSource = async () => undefined;

/** The app's login (shared/auth.tsx) says where tokens come from. */
export function setTokenSource(source: TokenSource): void {
  tokenSource = source;
}

const bearer: Middleware = {
  async onRequest({ request }) {
    const token = await tokenSource();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
};

/**
 * The typed client of the gateway's API (same origin, ADR 0027), generated from its OpenAPI document: paths,
 * parameters, bodies and answers are checked by the compiler. Call it through `call()`.
 */
export const api = createClient<paths>({ baseUrl: '' });
api.use(bearer);

/**
 * Awaits an `api.GET/POST…` call and gives its data, or throws an `ApiError` whose message is the Chinese text to
 * show (shared/problem.ts): the gateway's problem+json, or a plain message when the server was not reached.
 */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request;
  } catch {
    throw new ApiError(networkProblem());
  }
  if (!result.response.ok || result.data === undefined) {
    throw new ApiError(shownProblem(result.response.status, result.error));
  }
  return result.data;
}

/** The file name a `content-disposition: attachment` answer gives (RFC 6266 `filename*` first). */
export function attachmentName(header: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="?([^";]+)"?/i.exec(header ?? '')?.[1] ?? fallback;
}

/** Downloads a file that needs the person's token (case documents): fetched, then saved under its own name. */
export async function downloadWithToken(url: string, fallbackName: string): Promise<void> {
  const token = await tokenSource();
  let res: Response;
  try {
    res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(networkProblem());
  }
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => undefined);
    throw new ApiError(shownProblem(res.status, body));
  }
  const blob = await res.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = attachmentName(res.headers.get('content-disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
