import { createHash } from 'node:crypto';
import { ServiceTokenSource } from '@govhall/auth';
import { HttpProblem } from '../../lib/problem';

/**
 * GeoReport's `api_key` as GovHall reads it (ADR 0067): `<client id>:<client secret>` of the tenant's service
 * account for its department system; exchanged at Keycloak for the account's token (client credentials), which the
 * complaints service then checks as for any call. Tokens are kept per key until shortly before they expire.
 */
export class Open311ApiKeys {
  private readonly sources = new Map<string, ServiceTokenSource>();

  constructor(
    private readonly keycloak: { keycloakUrl: string; realm: string },
    private readonly maxKeys = 100,
  ) {}

  async tokenFor(apiKey: string): Promise<string> {
    const colon = apiKey.indexOf(':');
    if (colon < 1 || colon === apiKey.length - 1) {
      throw new HttpProblem(403, 'API_KEY_INVALID', 'api_key 应为服务账号的“客户端标识:客户端密钥”');
    }
    // The map is keyed by a hash: a secret is never kept as a key.
    const key = createHash('sha256').update(apiKey).digest('hex');
    let source = this.sources.get(key);
    if (!source) {
      if (this.sources.size >= this.maxKeys) this.sources.delete(this.sources.keys().next().value!);
      source = new ServiceTokenSource({
        ...this.keycloak,
        clientId: apiKey.slice(0, colon),
        clientSecret: apiKey.slice(colon + 1),
      });
      this.sources.set(key, source);
    }
    try {
      return await source.token();
    } catch (e) {
      this.sources.delete(key);
      if (e instanceof Error && /HTTP (400|401)\b/.test(e.message)) {
        throw new HttpProblem(403, 'API_KEY_INVALID', 'api_key 无效：请使用本地区服务账号的客户端标识和密钥');
      }
      throw new HttpProblem(503, 'IDENTITY_UNAVAILABLE', '暂时无法验证 api_key，请稍后重试');
    }
  }
}
