import { maskText } from '@govhall/logging';

/**
 * Query parameter names that carry credentials: RFC 6750's `access_token` and its relatives. The gateway takes a
 * token only from the `authorization` header, so these are refused, and never logged.
 */
const CREDENTIAL_NAME =
  /^(access[_-]?token|id[_-]?token|refresh[_-]?token|token|bearer|jwt|auth|authorization|api[_-]?key|client[_-]?secret|secret|password|passwd|session[_-]?id)$/i;

/** A JSON Web Token in compact form (header `{"…` in base64url, then payload and signature). */
const JWT = /^eyJ[\w-]+\.[\w-]+\.[\w-]*$/;

const REDACTED = '[redacted]';

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

interface QueryPart {
  raw: string;
  rawName: string;
  name: string;
  credential: boolean;
}

function queryParts(query: string): QueryPart[] {
  return query
    .split('&')
    .filter(Boolean)
    .map((raw) => {
      const eq = raw.indexOf('=');
      const rawName = eq === -1 ? raw : raw.slice(0, eq);
      const name = decode(rawName).trim();
      const value = eq === -1 ? '' : decode(raw.slice(eq + 1)).trim();
      const credential = CREDENTIAL_NAME.test(name) || JWT.test(value) || /^bearer\s/i.test(value);
      return { raw, rawName, name, credential };
    });
}

function split(url: string): [path: string, query: string | undefined] {
  const q = url.indexOf('?');
  return q === -1 ? [url, undefined] : [url.slice(0, q), url.slice(q + 1)];
}

/** Names of the query parameters of `url` that carry a credential, by name or by a token-shaped value. */
export function credentialParameters(url: string): string[] {
  const [, query] = split(url);
  return query === undefined
    ? []
    : queryParts(query)
        .filter((p) => p.credential)
        .map((p) => p.name);
}

/**
 * The URL as it may be logged: credential values replaced by `[redacted]`, ID and mobile numbers masked (a search
 * keyword may be one).
 */
export function loggableUrl(url: string): string {
  const [path, query] = split(url);
  if (query === undefined) return maskText(path);
  const parts = queryParts(query).map((p) => (p.credential ? `${p.rawName}=${REDACTED}` : p.raw));
  return maskText(`${path}?${parts.join('&')}`);
}
