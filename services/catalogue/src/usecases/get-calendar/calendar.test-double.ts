import { createAuthorizer, type Principal, type Role } from '@govhall/auth';
import type { CalendarOverride } from '@govhall/calendar';
import { ConcurrencyError } from '@govhall/errors';
import type { CalendarChangedEvent, CalendarOverrideRepository, TenantOverrides } from '../calendar.ports';
import { createCalendarUseCases } from '../calendar.use-cases';

/** Unit-test fake of the calendar override store (integration tests use the real database). */
export class InMemoryCalendarOverrides implements CalendarOverrideRepository {
  readonly docs = new Map<string, TenantOverrides>();
  readonly events: CalendarChangedEvent[] = [];
  reads = 0;
  /** Saves refused because the stored version had moved on. */
  conflicts = 0;
  /** Runs once, just before the next save is checked: e.g. another replica writing first. */
  beforeNextSave?: () => void;

  async find(tenant: string) {
    this.reads += 1;
    return structuredClone(this.docs.get(tenant) ?? { tenant, overrides: [], version: 0 });
  }

  async save(next: TenantOverrides, events: CalendarChangedEvent[], expectedVersion: number, _actor: Principal) {
    const interleaved = this.beforeNextSave;
    this.beforeNextSave = undefined;
    interleaved?.();
    if ((this.docs.get(next.tenant)?.version ?? 0) !== expectedVersion) {
      this.conflicts += 1;
      throw new ConcurrencyError();
    }
    this.docs.set(next.tenant, structuredClone(next));
    this.events.push(...structuredClone(events));
  }

  /** A write by another replica: stored without this process's use cases (or cache) knowing. */
  writeElsewhere(tenant: string, overrides: CalendarOverride[]) {
    const version = (this.docs.get(tenant)?.version ?? 0) + 1;
    this.docs.set(tenant, { tenant, overrides, version, updatedAt: new Date() });
  }
}

export function staff(username: string, tenant: string, roles: Role[]): Principal {
  return { kind: 'user', subject: `sub-${username}`, username, tenant, roles, clientId: 'govhall-workbench' };
}

/** 永昌县 (620321) and 金川区 (620302) under 金昌市 (620300). */
export const actors = {
  ycAdmin: staff('yc-admin', '620321', ['center_admin']),
  ycClerk: staff('yc-clerk', '620321', ['window_clerk']),
  ycSupervisor: staff('yc-supervisor', '620321', ['supervisor']),
  jcAdmin: staff('jc-admin', '620302', ['center_admin']),
  cityAdmin: staff('jcs-admin', '620300', ['center_admin']),
  deptSystem: {
    kind: 'service',
    subject: 'sub-dept',
    username: 'service-account-dept',
    tenant: '620321',
    roles: ['service'],
    clientId: 'govhall-dept-demo',
  } satisfies Principal,
};

/** A clock standing still at `iso` until advanced. */
export function testClock(iso: string) {
  let now = new Date(iso).getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/**
 * The calendar use cases over the in-memory store, the real authorizer (denials collected) and a clock at
 * 10:00 on Monday 2026-01-05 in China unless told otherwise.
 */
export function calendarSetup(options: { now?: string; hostedTenants?: string[]; cacheTtlMs?: number } = {}) {
  const repo = new InMemoryCalendarOverrides();
  const clock = testClock(options.now ?? '2026-01-05T02:00:00Z');
  const denials: object[] = [];
  const uc = createCalendarUseCases({
    overrides: repo,
    authorizer: createAuthorizer({ warn: (obj) => denials.push(obj) }),
    clock,
    hostedTenants: options.hostedTenants,
    cacheTtlMs: options.cacheTtlMs,
  });
  return { uc, repo, clock, denials };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}
