import { status } from '@grpc/grpc-js';
import type { Principal } from '@govhall/auth';
import { isDomainError } from '@govhall/errors';
import { toGrpcStatus } from '@govhall/grpc';
import { catalogueV1 } from '@govhall/proto';
import { categoryFromProto, itemContentFromProto, toProtoItem } from '../adapters/grpc/item.mapper';
import type { HandlingCategory, ItemKind } from '../domain/item';
import { itemsSetup } from '../usecases/in-memory-items.test-double';
import { SEED_ITEMS, type SeedItem } from './items.seed';
import { publishSeedItem, runCatalogueSeed, seedIdempotencyKey } from './publish-seed-item';
import { ApiRefusal } from '@govhall/grpc';
import { type CatalogueSeedApi } from './seed-api';
import { parseLoginArgs, seedLogins, STAFF_USERNAME_PREFIXES } from './seed-logins';

/**
 * The catalogue's own item use cases over an in-memory repository, served as the seed's API: each login is the
 * principal its token would carry (identity's seeded `<prefix>-admin` is a center_admin of its tenant,
 * `<prefix>-reviewer` a reviewer in `<tenant>-SCJG`); requests pass through the gRPC mappers both ways.
 */
function inProcessCatalogue() {
  const setup = itemsSetup();
  const calls: string[] = [];
  const tenantOf = Object.fromEntries(Object.entries(STAFF_USERNAME_PREFIXES).map(([t, p]) => [p, t]));
  const login = (username: string): Principal => {
    const [, prefix, slug] = /^([a-z]+)-(admin|reviewer)$/.exec(username) ?? [];
    const tenant = prefix && tenantOf[prefix];
    if (!tenant) throw new Error(`login of ${username} failed (HTTP 401: Invalid user credentials)`);
    return {
      kind: 'user',
      subject: `sub-${username}`,
      username,
      tenant,
      roles: [slug === 'admin' ? 'center_admin' : 'reviewer'],
      ...(slug === 'reviewer' ? { department: `${tenant}-SCJG` } : {}),
      clientId: 'govhall-portal',
    };
  };
  const call = async (
    rpc: string,
    as: string,
    work: (actor: Principal) => Promise<Parameters<typeof toProtoItem>[0]>,
  ) => {
    calls.push(`${rpc} ${as}`);
    try {
      return toProtoItem(await work(login(as)));
    } catch (e) {
      if (!isDomainError(e)) throw e;
      throw new ApiRefusal(rpc, toGrpcStatus(e).code, e.code, e.message);
    }
  };
  const api: CatalogueSeedApi = {
    createDraftItem: (req, as) =>
      call('CreateDraftItem', as, (actor) =>
        setup.createDraftItem(
          {
            ...req,
            kind: req.kind as ItemKind,
            handlingCategory: categoryFromProto(req.handlingCategory) as HandlingCategory,
          },
          actor,
        ),
      ),
    updateDraftItem: (req, as) =>
      call('UpdateDraftItem', as, (actor) =>
        setup.updateDraftItem(
          {
            ...req,
            kind: req.kind as ItemKind,
            handlingCategory: categoryFromProto(req.handlingCategory) as HandlingCategory,
            content: itemContentFromProto(req.content),
          },
          actor,
        ),
      ),
    submitItem: (req, as) => call('SubmitItem', as, (actor) => setup.submitItem(req, actor)),
    reviewItem: (req, as) => call('ReviewItem', as, (actor) => setup.reviewItem(req, actor)),
  };
  return { ...setup, api, calls };
}

const Status = catalogueV1.ItemStatus;

describe('catalogue seed through the API', () => {
  it('publishes every item, submitted by the tenant’s administrator and approved by its reviewer', async () => {
    const c = inProcessCatalogue();
    const line = await runCatalogueSeed(c.api, seedLogins(), SEED_ITEMS);
    const departments = new Set(SEED_ITEMS.map((s) => s.department)).size;
    expect(line).toBe(`catalogue seed: ${SEED_ITEMS.length} published items across ${departments} departments`);
    expect(c.denials).toEqual([]);

    const stored = [...c.items.items.values()];
    expect(stored).toHaveLength(SEED_ITEMS.length);
    for (const seed of SEED_ITEMS) {
      const item = stored.find((i) => i.tenant === seed.tenant && i.basicCode === seed.basicCode)!;
      const prefix = STAFF_USERNAME_PREFIXES[seed.tenant];
      expect([seed.name, item.status, item.submittedBy, item.reviews.map((r) => r.reviewer)]).toEqual([
        seed.name,
        'published',
        `${prefix}-admin`,
        [`${prefix}-reviewer`],
      ]);
      // Everything of the 实施清单 arrives through the proto request.
      expect(item.content).toEqual(seed.content);
    }
  });

  it('changes nothing when run again', async () => {
    const c = inProcessCatalogue();
    const first = await runCatalogueSeed(c.api, seedLogins(), SEED_ITEMS);
    const events = c.items.events.length;
    const versions = [...c.items.items.values()].map((i) => i.version);

    const calls = c.calls.length;
    expect(await runCatalogueSeed(c.api, seedLogins(), SEED_ITEMS)).toBe(first);
    expect(c.items.events).toHaveLength(events);
    expect([...c.items.items.values()].map((i) => i.version)).toEqual(versions);
    expect(c.calls.slice(calls).every((call) => call.startsWith('CreateDraftItem '))).toBe(true);
  });

  it('finishes a half-done item: a draft is filled in and submitted, a submission only approved', async () => {
    const c = inProcessCatalogue();
    const [food, hygiene] = SEED_ITEMS as [SeedItem, SeedItem];
    const logins = seedLogins()(food.tenant);
    const draft = (seed: SeedItem) =>
      c.api.createDraftItem(
        {
          idempotencyKey: seedIdempotencyKey(seed),
          tenant: seed.tenant,
          name: seed.name,
          basicCode: seed.basicCode,
          kind: seed.kind,
          handlingCategory: catalogueV1.HandlingCategory.HANDLING_CATEGORY_PROMISED,
          department: seed.department,
        },
        logins.admin,
      );
    await draft(food);
    const submitted = await publishSeedItem(c.api, hygiene, { ...logins, reviewer: logins.admin }).catch(() => null);
    expect(submitted).toBeNull(); // stopped at the review: submitted, not approved
    const calls = c.calls.length;

    expect((await publishSeedItem(c.api, food, logins)).status).toBe(Status.ITEM_STATUS_PUBLISHED);
    expect((await publishSeedItem(c.api, hygiene, logins)).status).toBe(Status.ITEM_STATUS_PUBLISHED);
    expect(c.calls.slice(calls)).toEqual([
      'CreateDraftItem ycx-admin',
      'UpdateDraftItem ycx-admin',
      'SubmitItem ycx-admin',
      'ReviewItem ycx-reviewer',
      'CreateDraftItem ycx-admin',
      'ReviewItem ycx-reviewer',
    ]);
  });

  it('cannot approve as the submitter: the four-eyes review holds for the seed too', async () => {
    const c = inProcessCatalogue();
    const err = await publishSeedItem(c.api, SEED_ITEMS[0]!, { admin: 'ycx-admin', reviewer: 'ycx-admin' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApiRefusal);
    expect(err).toMatchObject({ rpc: 'ReviewItem', code: status.FAILED_PRECONDITION, reason: 'SELF_REVIEW' });
  });
});

describe('seed logins', () => {
  it('defaults to identity’s seeded administrator and reviewer of the tenant', () => {
    expect(seedLogins()('620321')).toEqual({ admin: 'ycx-admin', reviewer: 'ycx-reviewer' });
    expect(seedLogins()('620300')).toEqual({ admin: 'jcs-admin', reviewer: 'jcs-reviewer' });
    expect(() => seedLogins()('620500')).toThrow('no seed logins for tenant 620500');
  });

  it('takes per-tenant overrides from --admin and --reviewer', () => {
    const overrides = parseLoginArgs(['--admin', '620321=yc-admin', '--reviewer', '620321=e-1-reviewer']);
    expect(seedLogins(overrides)('620321')).toEqual({ admin: 'yc-admin', reviewer: 'e-1-reviewer' });
    expect(seedLogins(overrides)('620302')).toEqual({ admin: 'jcq-admin', reviewer: 'jcq-reviewer' });
    expect(() => parseLoginArgs(['--admin', 'yc-admin'])).toThrow('unexpected argument');
    expect(() => parseLoginArgs(['--owner', '620321=x'])).toThrow('unexpected argument');
  });
});
