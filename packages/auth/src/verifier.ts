import { createRemoteJWKSet, jwtVerify, errors } from 'jose';
import { UnauthenticatedError, UnavailableError } from '@govhall/errors';
import { DEFAULT_CLIENT_CHANNELS, principalFromClaims, type ClientChannels, type Principal } from './principal';

export interface VerifierOptions {
  /** Keycloak base URL, e.g. http://127.0.0.1:8080 */
  keycloakUrl: string;
  realm: string;
  /** Required audience; Keycloak's audience mapper puts it into every GovHall token. */
  audience?: string;
  /** Seconds of clock skew tolerated on exp/nbf. */
  clockToleranceSec?: number;
  /** Which clients are the citizen and the staff channel (default: govhall-portal, govhall-workbench). */
  channels?: ClientChannels;
  /**
   * Session liveness (ADR 0015): every user token that passes the signature check is also introspected at Keycloak
   * with this confidential client (the API's own, `govhall-api`, the audience of every GovHall token), so a login
   * that was disabled or whose sessions were ended is refused on its next request, not when its token expires.
   * Unset: signature and claims only.
   */
  introspection?: IntrospectionOptions;
}

export interface IntrospectionOptions {
  clientId: string;
  clientSecret: string;
  timeoutMs?: number;
  /**
   * How long a live answer is trusted for the same token (ms). 0 (the default) asks Keycloak on every request, so a
   * disabled login is refused on its very next request; above 0 it is refused within that time, and Keycloak sees
   * one introspection per token per period instead of one per request (figures: docs/benchmarks.md).
   */
  liveCacheMs?: number;
  /** Clock of the live cache (tests). */
  now?: () => number;
}

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
  /** Verifies an `Authorization` header value ("Bearer …"). */
  verifyHeader(header: string | undefined): Promise<Principal>;
}

/** Verifies Keycloak access tokens against the realm's JWKS (fetched and cached by jose). */
export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  const issuer = `${options.keycloakUrl.replace(/\/$/, '')}/realms/${options.realm}`;
  const jwks = createRemoteJWKSet(new URL(`${issuer}/protocol/openid-connect/certs`), {
    cooldownDuration: 30_000,
    timeoutDuration: 5_000,
  });
  const audience = options.audience ?? 'govhall-api';
  const channels = options.channels ?? DEFAULT_CLIENT_CHANNELS;
  const live = options.introspection ? sessionLiveness(issuer, options.introspection) : undefined;

  async function verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer,
        audience,
        clockTolerance: options.clockToleranceSec ?? 0,
      });
      const principal = principalFromClaims(payload as Record<string, unknown>, channels);
      if (live && principal.kind === 'user') await live(token, payload.exp);
      return principal;
    } catch (e) {
      if (e instanceof errors.JWTExpired) throw new UnauthenticatedError('TOKEN_EXPIRED', '登录已过期，请重新登录');
      if (e instanceof errors.JOSEError) {
        throw new UnauthenticatedError('TOKEN_INVALID', '登录凭证无效，请重新登录');
      }
      throw e;
    }
  }

  return {
    verify,
    async verifyHeader(header) {
      if (!header) throw new UnauthenticatedError('TOKEN_MISSING', '请先登录');
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) throw new UnauthenticatedError('TOKEN_MALFORMED', '登录凭证格式错误，请重新登录');
      return verify(match[1]);
    },
  };
}

/**
 * Token introspection at Keycloak: `active` is false once the user is disabled, deleted or logged out (every
 * session ended). A refusal is remembered until the token expires (a revoked token never becomes live again);
 * a live answer is not cached unless `liveCacheMs` says so, so by default the next request asks again.
 */
function sessionLiveness(issuer: string, client: IntrospectionOptions) {
  const url = `${issuer}/protocol/openid-connect/token/introspect`;
  const basic = `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString('base64')}`;
  const refused = new Map<string, number>();
  const liveCacheMs = client.liveCacheMs ?? 0;
  const clock = client.now ?? Date.now;
  const liveUntil = new Map<string, number>();
  return async (token: string, exp: number | undefined): Promise<void> => {
    const now = clock() / 1000;
    const known = refused.get(token);
    if (known !== undefined && known > now) throw ended();
    if (liveCacheMs > 0 && (liveUntil.get(token) ?? 0) > clock()) return;
    let active: boolean;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, token_type_hint: 'access_token' }),
        signal: AbortSignal.timeout(client.timeoutMs ?? 3_000),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      active = ((await res.json()) as { active?: unknown }).active === true;
    } catch {
      // Fail closed: a session that cannot be checked is not accepted.
      throw new UnavailableError('AUTH_UNAVAILABLE', '登录服务暂时不可用，请稍后再试');
    }
    if (!active) {
      if (refused.size >= 10_000) {
        for (const [t, until] of refused) if (until <= now) refused.delete(t);
        if (refused.size >= 10_000) refused.clear();
      }
      refused.set(token, exp ?? now + 300);
      liveUntil.delete(token);
      throw ended();
    }
    if (liveCacheMs > 0) {
      if (liveUntil.size >= 10_000) {
        for (const [t, until] of liveUntil) if (until <= clock()) liveUntil.delete(t);
        if (liveUntil.size >= 10_000) liveUntil.clear();
      }
      liveUntil.set(token, Math.min(clock() + liveCacheMs, (exp ?? now + 300) * 1000));
    }
  };
}

function ended(): UnauthenticatedError {
  return new UnauthenticatedError('SESSION_ENDED', '登录已失效，请重新登录');
}
