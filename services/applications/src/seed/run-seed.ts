import { PasswordLogins } from '@govhall/auth';
import { chinaToday } from '@govhall/calendar';
import { common, loadConfig, z } from '@govhall/config';
import { defaultFonts, renderOfficialDocument } from '@govhall/pdf';
import { applicationsV1, catalogueV1, identityV1 } from '@govhall/proto';
import { handlingCategory as categoryCodec } from '../adapters/grpc/case-enums';
import type { DeliveryMethod } from '../domain/case';
import { planTenant, type SeedableItem, type TenantPlan } from './demo-cases.plan';
import { driveDemoCase, statusOf, type DriveContext } from './drive-demo-case';
import { readFileSync, writeFileSync } from 'node:fs';
import { DEMO_CAST, type DemoCast } from './demo-forms';
import { failureReport } from '@govhall/grpc';
import { grpcCasesSeedApi, type CasesSeedApi } from './seed-api';

/**
 * Leaves demo cases in every state the seeded tenants allow, through the RUNNING applications service's gRPC API
 * as real Keycloak logins: the demo applicants open, fill in, upload and submit online (张三 for himself, 李四 as
 * the agent of 永昌县金川河商贸有限公司, 王五); today's responsible clerk of the case's window pre-reviews, notifies,
 * accepts, refuses or voids; the tenant's reviewer and approver run the steps and decide; the clerk issues,
 * delivers and archives. Reads the tenant's published items from the catalogue and its windows from identity, so
 * identity's and the catalogue's seeds run first. Never opens a database. Idempotent: each case has a fixed
 * idempotency key and is driven on from where it stands; a case already in its state is left alone.
 *
 *   APPLICATIONS_GRPC_ADDR=127.0.0.1:50053 IDENTITY_GRPC_ADDR=127.0.0.1:50050 CATALOGUE_GRPC_ADDR=127.0.0.1:50051 \
 *   KEYCLOAK_URL=http://127.0.0.1:8080 node services/applications/dist/seed/run-seed.js [--tenant 620321 …]
 *
 * Prints one line per tenant (states present, and the states it cannot show with the reason), then lines for the
 * run command to tell how to follow a case: `follow <key> <value>`.
 */

/** Username prefixes of identity's seeded staff (a copy of services/identity/src/seed/tenancy.seed.ts). */
export const STAFF_USERNAME_PREFIXES: Readonly<Record<string, string>> = {
  '620300': 'jcs',
  '620302': 'jcq',
  '620321': 'ycx',
};

const DELIVERY_OPTIONS: Readonly<Record<number, DeliveryMethod>> = {
  [catalogueV1.DeliveryOption.DELIVERY_OPTION_WINDOW_PICKUP]: 'window_pickup',
  [catalogueV1.DeliveryOption.DELIVERY_OPTION_POST]: 'post',
  [catalogueV1.DeliveryOption.DELIVERY_OPTION_ELECTRONIC]: 'electronic',
};

/** The tenant's published items with what the seed can do with each (its windows decide). */
export function seedableItems(
  items: readonly catalogueV1.Item[],
  windows: readonly identityV1.Window[],
): SeedableItem[] {
  const served = new Set(windows.flatMap((w) => [w.department, ...w.servesDepartments]));
  const staffed = new Set(windows.map((w) => w.department));
  return items.map((i) => ({
    itemId: i.id,
    basicCode: i.basicCode,
    name: i.name,
    handlingCategory: categoryCodec.fromProto(i.handlingCategory as number),
    department: i.department,
    served: served.has(i.department),
    staffed: staffed.has(i.department),
    visits: i.content?.visits ?? 0,
    deliveryOptions: (i.content?.deliveryOptions ?? []).map((o) => DELIVERY_OPTIONS[o]!).filter(Boolean),
  }));
}

function context(api: CasesSeedApi, tenant: string, prefix: string, cast: DemoCast): DriveContext {
  const companies = new Map<string, string>();
  const clerks = new Map<string, string>();
  const fonts = defaultFonts();
  const createdAt = new Date('2026-01-05T09:00:00+08:00');
  return {
    api,
    cast,
    staffPrefix: prefix,
    today: chinaToday(new Date()),
    materialPdf: ({ applicant, material, itemName }) =>
      renderOfficialDocument(fonts, {
        issuingBody: applicant,
        title: material,
        blocks: [
          { kind: 'paragraph', text: `本文件为办理“${itemName}”提交的“${material}”。` },
          { kind: 'paragraph', text: '演示数据：本材料由GovHall演示种子生成，内容均为虚构，不具有任何法律效力。' },
        ],
        createdAt,
        subject: material,
      }),
    async companyId(filer) {
      const known = companies.get(filer);
      if (known) return known;
      const profile = await api.profile(filer);
      const company = [...profile.heldLegalPersons, ...profile.agentFor].find(
        (lp) => lp.creditCode === cast.company.creditCode,
      );
      if (!company) throw new Error(`the demo company is neither held nor represented by login ${filer.slice(0, 6)}…`);
      companies.set(filer, company.id);
      return company.id;
    },
    async windowClerk(windowId) {
      const known = clerks.get(windowId);
      if (known) return known;
      const username = await api.responsible(windowId, `${prefix}-clerk`);
      if (!username) throw new Error(`nobody serves window ${windowId} of ${tenant} today`);
      clerks.set(windowId, username);
      return username;
    },
    async counterFor(t, department) {
      const windows = (await api.windows(t)).filter(
        (w) => w.department === department || w.servesDepartments.includes(department),
      );
      for (const w of windows) {
        const clerk = await this.windowClerk(w.id).catch(() => '');
        if (clerk) return { windowId: w.id, clerk };
      }
      throw new Error(`no window of ${t} serving ${department} has a clerk today`);
    },
  };
}

export interface TenantOutcome {
  plan: TenantPlan;
  /** Demo case key → case id, number, state. */
  cases: Map<string, { id: string; caseNumber: string; status: string; windowId: string; documentId: string }>;
  acts: number;
}

export interface SeedOptions {
  /** Username prefix of the tenant's staff: identity's seeded `<prefix>-clerk`, `-reviewer`, `-approver` … */
  staffPrefix: string;
  cast: DemoCast;
}

export async function seedTenant(api: CasesSeedApi, tenant: string, options: SeedOptions): Promise<TenantOutcome> {
  const prefix = options.staffPrefix;
  const [items, windows] = await Promise.all([api.publishedItems(tenant, `${prefix}-reviewer`), api.windows(tenant)]);
  const plan = planTenant(tenant, seedableItems(items, windows), undefined, options.cast);
  const ctx = context(api, tenant, prefix, options.cast);
  const cases: TenantOutcome['cases'] = new Map();
  let acts = 0;
  for (const demo of plan.cases) {
    const driven = await driveDemoCase(ctx, demo);
    acts += driven.acts;
    cases.set(demo.key, {
      id: driven.case.id,
      caseNumber: driven.case.caseNumber,
      status: statusOf(driven.case),
      windowId: driven.case.windowId,
      // The licence when there is one, else the latest document.
      documentId:
        (
          driven.case.documents.find((d) => d.kind === applicationsV1.DocumentKind.DOCUMENT_KIND_LICENCE) ??
          driven.case.documents[driven.case.documents.length - 1]
        )?.id ?? '',
    });
  }
  return { plan, cases, acts };
}

/** `--tenant <code>` (repeatable; default the three seeded tenants), `--staff <tenant>=<prefix>` (tests). */
export function parseSeedArgs(args: readonly string[]): { tenants: string[]; prefixes: Record<string, string> } {
  const tenants: string[] = [];
  const prefixes: Record<string, string> = { ...STAFF_USERNAME_PREFIXES };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value = ''] = [args[i], args[i + 1]];
    const staff = /^(\d{6})=([a-z0-9-]+)$/.exec(value);
    if (flag === '--tenant' && /^\d{6}$/.test(value)) tenants.push(value);
    else if (flag === '--staff' && staff) prefixes[staff[1]!] = staff[2]!;
    else
      throw new Error(`unexpected argument "${flag ?? ''} ${value}": use --tenant <code> or --staff <tenant>=<prefix>`);
  }
  const chosen = tenants.length > 0 ? tenants : Object.keys(STAFF_USERNAME_PREFIXES);
  const unknown = chosen.filter((t) => !prefixes[t]);
  if (unknown.length > 0) throw new Error(`no staff for tenant ${unknown.join(', ')}: pass --staff <tenant>=<prefix>`);
  return { tenants: chosen, prefixes };
}

async function main() {
  const { tenants, prefixes } = parseSeedArgs(process.argv.slice(2));
  const config = loadConfig('applications-seed', {
    APPLICATIONS_GRPC_ADDR: z
      .string()
      .regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port')
      .default('127.0.0.1:50053'),
    IDENTITY_GRPC_ADDR: z
      .string()
      .regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port')
      .default('127.0.0.1:50050'),
    CATALOGUE_GRPC_ADDR: z
      .string()
      .regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port')
      .default('127.0.0.1:50051'),
    KEYCLOAK_URL: common.url,
    KEYCLOAK_REALM: z.string().min(1).default('govhall'),
    /** Password of identity's seeded staff and demo applicants. */
    SEED_PASSWORD: z.string().min(1).default('Demo@2026'),
    /** Tests only: a JSON file with other demo people (DemoCast) registered on a fresh identity database. */
    SEED_CAST_FILE: z.string().default(''),
  });
  const cast: DemoCast = config.SEED_CAST_FILE
    ? (JSON.parse(readFileSync(config.SEED_CAST_FILE, 'utf8')) as DemoCast)
    : DEMO_CAST;
  const api = grpcCasesSeedApi({
    applicationsAddress: config.APPLICATIONS_GRPC_ADDR,
    identityAddress: config.IDENTITY_GRPC_ADDR,
    catalogueAddress: config.CATALOGUE_GRPC_ADDR,
    logins: new PasswordLogins({
      keycloakUrl: config.KEYCLOAK_URL.replace(/\/+$/, ''),
      realm: config.KEYCLOAK_REALM,
      password: config.SEED_PASSWORD,
    }),
  });
  try {
    const outcomes = new Map<string, TenantOutcome>();
    for (const tenant of tenants) {
      outcomes.set(tenant, await seedTenant(api, tenant, { staffPrefix: prefixes[tenant]!, cast }));
    }
    for (const [tenant, o] of outcomes) {
      const states = [...new Set([...o.cases.values()].map((c) => c.status))];
      process.stdout.write(
        `cases seed: ${tenant} ${o.cases.size} demo cases (${o.acts} acts this run) in ${states.length} states: ${states.join(' ')}\n`,
      );
      for (const m of o.plan.missing) process.stdout.write(`cases seed: ${tenant} no ${m.state}: ${m.reason}\n`);
    }
    for (const o of outcomes.values()) {
      for (const [key, c] of o.cases) {
        process.stdout.write(`case ${key} ${c.status} ${c.caseNumber || '-'} ${c.id}\n`);
      }
    }
    const yc = outcomes.get('620321') ?? [...outcomes.values()][0];
    const follow =
      yc?.cases.get(`demo-${yc.plan.tenant}-processing`) ?? yc?.cases.get(`demo-${yc.plan.tenant}-pre-review`);
    const done = yc?.cases.get(`demo-${yc.plan.tenant}-delivered-pickup`) ?? follow;
    const followDemo = yc?.plan.cases.find((c) => yc.cases.get(c.key) === follow);
    // How to follow a case carries an applicant's ID number: it goes to SEED_FOLLOW_FILE (run.sh prints it), never
    // to stdout, which test runs keep in their logs.
    const followLines: string[] = [];
    if (yc && follow && followDemo && done) {
      followLines.push(`follow tenant ${yc.plan.tenant}\n`);
      followLines.push(`follow caseNumber ${follow.caseNumber}\n`);
      followLines.push(
        `follow applicantIdCode ${followDemo.forCompany ? cast.company.creditCode : followDemo.filer.idNumber}\n`,
      );
      followLines.push(`follow applicantLogin ${followDemo.filer.idNumber}\n`);
      followLines.push(`follow caseId ${follow.id}\n`);
      followLines.push(`follow windowId ${follow.windowId}\n`);
      followLines.push(`follow deliveredCaseId ${done.id}\n`);
      followLines.push(`follow documentId ${done.documentId}\n`);
      followLines.push(`follow clerk ${prefixes[yc.plan.tenant]}-clerk\n`);
    }
    if (process.env.SEED_FOLLOW_FILE) writeFileSync(process.env.SEED_FOLLOW_FILE, followLines.join(''));
  } finally {
    api.close();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(failureReport('cases seed', err));
    process.exit(1);
  });
}
