import type { Principal } from '@govhall/auth';
import { ForbiddenError, NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import type { Case } from '../../domain/case';
import type { Edition } from '../../domain/edition';
import type { ActingAnswer, ApplicantDirectory } from '../declaration.ports';
import { APPLICANT, edition as handlingEdition, rejection } from '../handling.test-double';
import { openCaseUseCase, type OpenCaseCommand } from './open-case.usecase';

const ITEM_ID = '5a1e4b1e-3f0c-4b7e-9a51-1d2c3e4f5a6b';
const COMPANY_ID = '9d2c6a1e-4b3f-4e7a-8c5d-2f1e0a9b8c7d';
const COMPANY_CREDIT_CODE = '91620321MA74XYZ12K';
const AUTH = 'Bearer zhangsan-jwt';

/** Fakes of the ports (unit tests only): the store, the catalogue's current edition, identity's answers. */
function world(options: { edition?: Edition | null; acting?: ActingAnswer; hosted?: string[] } = {}) {
  const inserted: Case[] = [];
  const byKey = new Map<string, Case>();
  const actingAsked: { authorization: string; question: unknown }[] = [];
  const applicants: ApplicantDirectory = {
    myProfile: async (authorization) =>
      authorization === AUTH
        ? {
            person: {
              personId: 'np-1',
              name: '张三',
              idNumber: '62032119900307123X',
              phone: '13909351234',
              subject: APPLICANT.subject,
            },
            organisations: [{ id: COMPANY_ID, name: '永昌县示例商贸有限公司', creditCode: COMPANY_CREDIT_CODE }],
          }
        : null,
    checkActing: async (authorization, question) => {
      actingAsked.push({ authorization, question });
      return options.acting ?? { allowed: true, grantId: 'grant-1', reason: '', message: '' };
    },
  };
  const deps = {
    cases: {
      insert: async (c: Case, _events: unknown[], key: string) => {
        const first = byKey.get(key);
        if (first) return { case: first, created: false };
        byKey.set(key, c);
        inserted.push(c);
        return { case: c, created: true };
      },
      findById: async () => null,
      findByCaseNumber: async () => null,
      save: async () => {
        throw new Error('not used');
      },
    },
    editions: {
      get: async () => null,
      current: async () => (options.edition === undefined ? handlingEdition() : options.edition),
    },
    applicants,
    clock: { now: () => new Date('2026-03-02T02:00:00Z') },
    ids: { newId: () => `7b0e4b1e-3f0c-4b7e-9a51-${String(inserted.length + 1).padStart(12, '0')}` },
    hostedTenants: options.hosted ?? [],
  };
  return { open: openCaseUseCase(deps), inserted, actingAsked };
}

const command = (overrides: Partial<OpenCaseCommand> = {}): OpenCaseCommand => ({
  idempotencyKey: 'open-key-0001',
  itemId: ITEM_ID,
  onBehalfOf: '',
  formData: '{"area": 80}',
  ...overrides,
});

describe('OpenCase (declaration online)', () => {
  it('opens a draft for the natural person on the edition published now, contact defaulting to the profile', async () => {
    const w = world();
    const c = await w.open(command(), APPLICANT, AUTH);
    expect(c).toMatchObject({
      status: 'draft',
      channel: 'online',
      itemId: ITEM_ID,
      itemEdition: 1,
      department: '620321-SCJG',
      caseNumber: '',
      applicant: { kind: 'natural_person', personId: 'np-1', idCode: '62032119900307123X', agentPersonId: '' },
      contact: { mobile: '13909351234', email: '' },
      formData: '{"area":80}',
    });
    expect(c.materials.map((m) => m.materialId)).toEqual(['business-licence', 'floor-plan']);
    expect(w.actingAsked).toEqual([]);
  });

  it('a retry with the same key is the same case', async () => {
    const w = world();
    const first = await w.open(command(), APPLICANT, AUTH);
    const again = await w.open(command(), APPLICANT, AUTH);
    expect(again.id).toBe(first.id);
    expect(w.inserted).toHaveLength(1);
  });

  it('an agent allowed by identity opens it for the legal person, both recorded', async () => {
    const w = world();
    const c = await w.open(command({ onBehalfOf: COMPANY_ID }), APPLICANT, AUTH);
    expect(c.applicant).toMatchObject({
      kind: 'legal_person',
      personId: COMPANY_ID,
      idCode: COMPANY_CREDIT_CODE,
      agentPersonId: 'np-1',
      agentName: '张三',
      agentGrantId: 'grant-1',
    });
    expect(w.actingAsked).toEqual([
      {
        authorization: AUTH,
        question: { legalPersonId: COMPANY_ID, department: '620321-SCJG', itemCode: '000172029000' },
      },
    ]);
  });

  it("an agent identity refuses is PERMISSION_DENIED with identity's reason, and nothing is stored", async () => {
    const w = world({
      acting: { allowed: false, grantId: '', reason: 'OUTSIDE_SCOPE', message: '授权范围不包含该部门' },
    });
    const refused = await rejection(w.open(command({ onBehalfOf: COMPANY_ID }), APPLICANT, AUTH));
    expect(refused).toBeInstanceOf(ForbiddenError);
    expect([refused.code, refused.message]).toEqual(['OUTSIDE_SCOPE', '授权范围不包含该部门']);
    expect(w.inserted).toEqual([]);
  });

  it.each([
    ['retired', 'retired'],
    ['superseded', 'superseded'],
    ['draft (never published)', 'draft'],
  ])('an item whose edition is %s is ITEM_NOT_PUBLISHED, nothing stored', async (_what, itemStatus) => {
    const w = world({ edition: handlingEdition({ status: itemStatus as Edition['status'] }) });
    const refused = await rejection(w.open(command(), APPLICANT, AUTH));
    expect(refused).toBeInstanceOf(PreconditionError);
    expect([refused.code, refused.metadata]).toEqual(['ITEM_NOT_PUBLISHED', { itemStatus }]);
    expect(w.inserted).toEqual([]);
  });

  it('an unknown item is ITEM_NOT_FOUND; a tenant not hosted here is TENANT_NOT_HOSTED', async () => {
    const unknown = await rejection(world({ edition: null }).open(command(), APPLICANT, AUTH));
    expect([unknown.constructor, unknown.code]).toEqual([NotFoundError, 'ITEM_NOT_FOUND']);
    const elsewhere = await rejection(world({ hosted: ['620302'] }).open(command(), APPLICANT, AUTH));
    expect(elsewhere.code).toBe('TENANT_NOT_HOSTED');
  });

  it('the service object must admit the applicant: a person-only item refuses a company, an enterprise item a person', async () => {
    const personOnly = world({ edition: handlingEdition({ serviceObject: 'person' }) });
    const asCompany = await rejection(personOnly.open(command({ onBehalfOf: COMPANY_ID }), APPLICANT, AUTH));
    expect([asCompany.constructor, asCompany.code]).toEqual([PreconditionError, 'SERVICE_OBJECT_MISMATCH']);
    const enterpriseOnly = world({ edition: handlingEdition({ serviceObject: 'enterprise' }) });
    const asPerson = await rejection(enterpriseOnly.open(command(), APPLICANT, AUTH));
    expect(asPerson.code).toBe('SERVICE_OBJECT_MISMATCH');
    expect(personOnly.inserted).toEqual([]);
    expect(enterpriseOnly.inserted).toEqual([]);
  });

  it('bad shapes are INVALID_ARGUMENT naming every field; staff may not open a case online', async () => {
    const w = world();
    const bad = await rejection(
      w.open(
        command({
          idempotencyKey: 'x',
          itemId: 'item-1',
          onBehalfOf: 'lp-1',
          formData: '[1, 2]',
          contact: { mobile: '12345', email: 'not-an-email' },
        }),
        APPLICANT,
        AUTH,
      ),
    );
    expect(bad).toBeInstanceOf(ValidationError);
    expect(bad.violations.map((v: { path: string }) => v.path).sort()).toEqual(
      ['contact.email', 'contact.mobile', 'formData', 'idempotencyKey', 'itemId', 'onBehalfOf'].sort(),
    );
    const clerk: Principal = { ...APPLICANT, subject: 'subject-clerk', roles: ['window_clerk'] };
    const staffRefused = await rejection(w.open(command(), clerk, 'Bearer clerk-jwt'));
    expect([staffRefused.constructor, staffRefused.code]).toEqual([ForbiddenError, 'APPLICANT_ONLY']);
    const unregistered = await rejection(w.open(command(), APPLICANT, 'Bearer someone-else'));
    expect(unregistered.code).toBe('APPLICANT_ONLY');
    expect(w.inserted).toEqual([]);
  });
});
