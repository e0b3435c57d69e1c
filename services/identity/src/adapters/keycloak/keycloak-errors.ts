import { isDomainError, UnavailableError } from '@govhall/errors';

export const DIRECTORY_UNAVAILABLE_MESSAGE = '统一身份认证服务暂时不可用，请稍后重试';

/** HTTP status of a failed admin-client call (its NetworkError carries the fetch Response), if any. */
export function httpStatusOf(error: unknown): number | undefined {
  const response = (error as { response?: { status?: unknown } } | null)?.response;
  return typeof response?.status === 'number' ? response.status : undefined;
}

/**
 * fetch() could not connect (TypeError "fetch failed" with a socket error as cause) or the 5 s AbortSignal fired.
 * Checked by name, not instanceof: the error may come from another realm (jest's VM context, undici).
 */
function isTransportFailure(error: unknown): boolean {
  const e = error as { name?: unknown; message?: unknown; cause?: { code?: unknown } } | null;
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return true;
  return e?.name === 'TypeError' && (e.message === 'fetch failed' || typeof e.cause?.code === 'string');
}

function keycloakMessage(error: unknown): string {
  const data = (error as { responseData?: unknown }).responseData;
  if (data && typeof data === 'object') {
    const d = data as Record<string, unknown>;
    const parts = [d.errorMessage, d.error, d.error_description].filter((p) => typeof p === 'string');
    if (parts.length > 0) return parts.join(': ');
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Maps a failed Keycloak call: unreachable, timed out, 5xx (and 429) → UnavailableError, so callers keep their
 * record pending and retry; any other 4xx is a programming or configuration error → plain Error with Keycloak's
 * message. Domain errors pass through unchanged.
 */
export function toDirectoryError(operation: string, error: unknown): Error {
  if (isDomainError(error)) return error;
  const status = httpStatusOf(error);
  if (status === undefined) {
    if (isTransportFailure(error)) return new UnavailableError('DIRECTORY_UNAVAILABLE', DIRECTORY_UNAVAILABLE_MESSAGE);
    return error instanceof Error ? error : new Error(`Keycloak ${operation} failed: ${String(error)}`);
  }
  if (status >= 500 || status === 429) {
    return new UnavailableError('DIRECTORY_UNAVAILABLE', DIRECTORY_UNAVAILABLE_MESSAGE);
  }
  return new Error(`Keycloak ${operation} failed (HTTP ${status}): ${keycloakMessage(error)}`, { cause: error });
}
