import { UnavailableError } from '@govhall/errors';
import { callUnary, createGrpcClient, isServiceError } from '@govhall/grpc';
import type { Logger } from '@govhall/logging';
import { identityV1 } from '@govhall/proto';
import { status } from '@grpc/grpc-js';
import type { ServiceLocation } from '../../domain/item-content';
import type { DirectoryNames } from '../../usecases/public.ports';

/** What identity knows of a tenant: its name, its service center and the names of its departments. */
export interface TenantDirectory {
  name: string;
  center: ServiceLocation;
  /** Department code → name. */
  departments: ReadonlyMap<string, string>;
}

/** Reads a tenant's directory from identity; null when identity has no such tenant. Throws when it cannot answer. */
export interface TenantDirectoryReader {
  read(tenant: string): Promise<TenantDirectory | null>;
}

/** A service center as the guide shows it. The 12345 hotline takes complaints as well as questions. */
function location(center: identityV1.ServiceCenter | undefined): ServiceLocation {
  const phones = (center?.phones ?? []).join('、');
  return {
    windowLocation: center ? `${center.name}（${center.address}）` : '',
    hours: center?.hours ?? '',
    consultationPhone: phones,
    complaintPhone: phones,
  };
}

/** Identity's public, anonymous RPCs GetTenant and ListDepartments (public center information). */
export class GrpcTenantDirectoryReader implements TenantDirectoryReader {
  private readonly client: identityV1.IdentityServiceClient;

  constructor(
    address: string,
    private readonly deadlineMs = 2_000,
  ) {
    this.client = createGrpcClient(identityV1.IdentityServiceClient, address, {
      serviceName: 'govhall.identity.v1.IdentityService',
      idempotentMethods: ['GetTenant', 'ListDepartments'],
    });
  }

  async read(tenant: string): Promise<TenantDirectory | null> {
    const opts = { deadlineMs: this.deadlineMs };
    try {
      const [{ tenant: found }, { departments }] = await Promise.all([
        callUnary(this.client.getTenant.bind(this.client), { code: tenant }, opts),
        callUnary(this.client.listDepartments.bind(this.client), { tenant }, opts),
      ]);
      if (!found) return null;
      return {
        name: found.name,
        center: location(found.center),
        departments: new Map(departments.map((d) => [d.code, d.name])),
      };
    } catch (e) {
      // Not a tenant identity knows (or not a region code): the guide shows codes, as for any unknown name.
      if (isServiceError(e) && (e.code === status.NOT_FOUND || e.code === status.INVALID_ARGUMENT)) return null;
      throw e;
    }
  }

  close(): void {
    this.client.close();
  }
}

export interface CachedDirectoryOptions {
  clock: { now(): Date };
  logger: Logger;
  /** How long an answer of identity is used before it is asked again. */
  ttlMs: number;
  /** While identity cannot answer, how long the last answer is used before asking again. */
  retryMs: number;
}

interface Entry {
  value: TenantDirectory | null;
  /** Epoch ms after which identity is asked again. */
  refreshAt: number;
}

/**
 * Names for the guide from identity, kept per tenant for `ttlMs`; concurrent requests share one lookup. When
 * identity cannot answer, the last answer is served (and identity asked again after `retryMs`); with no earlier
 * answer the guide is refused as temporarily unavailable rather than shown with codes for names (ADR 0017).
 * A code identity does not know is shown as the code itself.
 */
export class CachedDirectoryNames implements DirectoryNames {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<TenantDirectory | null>>();

  constructor(
    private readonly reader: TenantDirectoryReader,
    private readonly options: CachedDirectoryOptions,
  ) {}

  async tenantName(code: string): Promise<string> {
    return (await this.tenant(code))?.name ?? code;
  }

  async departmentName(code: string): Promise<string> {
    const tenant = code.split('-')[0] ?? '';
    return (await this.tenant(tenant))?.departments.get(code) ?? code;
  }

  async serviceCenter(tenant: string): Promise<ServiceLocation | undefined> {
    return (await this.tenant(tenant))?.center;
  }

  private async tenant(code: string): Promise<TenantDirectory | null> {
    const entry = this.entries.get(code);
    if (entry && this.now() < entry.refreshAt) return entry.value;
    let pending = this.loading.get(code);
    if (!pending) {
      pending = this.reader.read(code).finally(() => this.loading.delete(code));
      this.loading.set(code, pending);
    }
    try {
      const value = await pending;
      this.entries.set(code, { value, refreshAt: this.now() + this.options.ttlMs });
      return value;
    } catch (err) {
      this.options.logger.warn({ err, tenant: code, stale: Boolean(entry) }, 'identity directory lookup failed');
      if (!entry) {
        throw new UnavailableError('DIRECTORY_UNAVAILABLE', '暂时无法取得部门和服务中心信息，请稍后再试');
      }
      entry.refreshAt = this.now() + this.options.retryMs;
      return entry.value;
    }
  }

  private now(): number {
    return this.options.clock.now().getTime();
  }
}
