import { createRemoteJWKSet, jwtVerify, errors } from 'jose';
import { UnauthenticatedError } from '@govhall/errors';
import { principalFromClaims, type Principal } from './principal';

export interface VerifierOptions {
  /** Keycloak base URL, e.g. http://127.0.0.1:8080 */
  keycloakUrl: string;
  realm: string;
  /** Required audience; Keycloak's audience mapper puts it into every GovHall token. */
  audience?: string;
  /** Seconds of clock skew tolerated on exp/nbf. */
  clockToleranceSec?: number;
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

  async function verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer,
        audience,
        clockTolerance: options.clockToleranceSec ?? 0,
      });
      return principalFromClaims(payload as Record<string, unknown>);
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
