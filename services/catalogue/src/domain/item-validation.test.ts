import { parseCreditCode } from '@govhall/identifiers';
import { emptyContent } from './item-content';
import { ITEM_LEVELS, itemLevelOfTenant, validateContentShape, validateItem } from './item-validation';
import {
  FIXTURE_BASIC_CODE,
  governmentCreditCode,
  implementationCode,
  validItemFixture,
  stepFixture,
} from './item.test-double';
import { exactly, violationsOf } from './validation/expect-violations.test-double';

describe('the valid fixture', () => {
  it('passes every rule, with a real credit code inside its implementation code', () => {
    const item = validItemFixture();
    expect(validateItem(item)).toEqual([]);
    expect(parseCreditCode(item.content.implementationCode.slice(0, 18)).ok).toBe(true);
    expect(item.content.implementationCode).toHaveLength(31);
  });

  it('passes as a joint item with a co-department and as an immediate item promising the same day', () => {
    expect(violationsOf({ coDepartments: ['620321-WJ'] }, { handlingCategory: 'joint' })).toEqual([]);
    const sameDay = { promisedLimit: { days: 1, unit: 'working_day' as const }, workflow: [stepFixture()] };
    expect(violationsOf(sameDay, { handlingCategory: 'immediate' })).toEqual([]);
  });
});

describe('validateContentShape (saving a draft)', () => {
  it('accepts an empty, incomplete draft', () => {
    expect(validateContentShape(emptyContent())).toEqual([]);
  });

  it('reports malformed values but not missing ones', () => {
    const content = {
      ...emptyContent(),
      level: 9,
      visits: 1.5,
      serviceObject: 'citizen' as never,
      form: { jsonSchema: '{"type":', uiSchema: '' },
    };
    expect(validateContentShape(content)).toEqual(
      exactly(
        ['content.level', 'RANGE'],
        ['content.serviceObject', 'ENUM'],
        ['content.visits', 'INTEGER'],
        ['content.form.jsonSchema', 'JSON_PARSE'],
      ),
    );
  });

  it('is part of validateItem', () => {
    expect(violationsOf({ visits: 3 })).toEqual(exactly(['content.visits', 'RANGE']));
  });
});

describe('validateItem on a new draft', () => {
  it('lists everything still missing, each with its path', () => {
    const draft = validItemFixture({ content: emptyContent() });
    const paths = validateItem(draft).map((v) => `${v.path} ${v.reason}`);
    expect(paths).toEqual([
      'content.level REQUIRED',
      'content.implementationCode REQUIRED',
      'content.deliveryOptions REQUIRED',
      'content.legalBases REQUIRED',
      'content.location.windowLocation REQUIRED',
      'content.location.hours REQUIRED',
      'content.location.consultationPhone REQUIRED',
      'content.location.complaintPhone REQUIRED',
      'content.statutoryLimit.days REQUIRED',
      'content.promisedLimit.days REQUIRED',
      'content.workflow REQUIRED',
      'content.form.jsonSchema REQUIRED',
    ]);
  });

  it('checks the identity fields too', () => {
    expect(validateItem(validItemFixture({ name: '食', department: '620302-SCJG' }))).toEqual(
      exactly(['name', 'LENGTH'], ['department', 'TENANT_MISMATCH']),
    );
  });
});

describe('codes', () => {
  const credit = governmentCreditCode();

  it('refuses a basic code that is not 12 digits or capital letters', () => {
    expect(validateItem(validItemFixture({ basicCode: '0001720280A' }))).toEqual(
      exactly(['basicCode', 'PATTERN'], ['content.implementationCode', 'LENGTH']),
    );
  });

  it('requires the implementation code, 31 characters, digits and capital letters', () => {
    expect(violationsOf({ implementationCode: '' })).toEqual(exactly(['content.implementationCode', 'REQUIRED']));
    expect(violationsOf({ implementationCode: implementationCode(credit, 4, FIXTURE_BASIC_CODE).slice(1) })).toEqual(
      exactly(['content.implementationCode', 'LENGTH']),
    );
    expect(violationsOf({ implementationCode: `${credit}4${FIXTURE_BASIC_CODE}0` })).toEqual(
      exactly(['content.implementationCode', 'LENGTH']),
    );
    expect(
      violationsOf({
        implementationCode: implementationCode(governmentCreditCode('MA74XB2K').toLowerCase(), 4, FIXTURE_BASIC_CODE),
      }),
    ).toEqual(exactly(['content.implementationCode', 'ALPHABET']));
  });

  it('reports the credit code check character with the reason from @govhall/identifiers', () => {
    const last = credit[17] === '0' ? '1' : '0';
    const wrong = `${credit.slice(0, 17)}${last}`;
    const [violation] = violationsOf({ implementationCode: implementationCode(wrong, 4, FIXTURE_BASIC_CODE) });
    expect(violation).toMatchObject({ path: 'content.implementationCode', reason: 'CHECK_CHARACTER' });
    expect(violation?.message).toContain('统一社会信用代码');
  });

  it('reports the embedded organization code check character', () => {
    const orgCheck = credit[16] === '0' ? '1' : '0';
    const wrong = `${credit.slice(0, 16)}${orgCheck}${credit[17]}`;
    expect(violationsOf({ implementationCode: implementationCode(wrong, 4, FIXTURE_BASIC_CODE) })).toEqual(
      exactly(['content.implementationCode', 'ORGANIZATION_CODE_CHECK']),
    );
  });

  it('requires the level digit to be the item level and the tail to be the basic code', () => {
    expect(violationsOf({ implementationCode: implementationCode(credit, 3, FIXTURE_BASIC_CODE) })).toEqual(
      exactly(['content.implementationCode', 'LEVEL_MISMATCH']),
    );
    expect(violationsOf({ implementationCode: implementationCode(credit, 4, '000172029000') })).toEqual(
      exactly(['content.implementationCode', 'BASIC_CODE_MISMATCH']),
    );
  });

  it('accepts local codes of up to 40 characters and nothing empty', () => {
    expect(violationsOf({ localCodes: ['', 'X'.repeat(41), 'X'.repeat(40)] })).toEqual(
      exactly(['content.localCodes.0', 'REQUIRED'], ['content.localCodes.1', 'LENGTH']),
    );
  });
});

describe('level', () => {
  it('maps a tenant to the level its items carry', () => {
    expect(['620000', '620300', '620302', '620321', '620321100', '620321100001', '62'].map(itemLevelOfTenant)).toEqual([
      2,
      3,
      4,
      4,
      5,
      6,
      undefined,
    ]);
    expect(ITEM_LEVELS[3]).toBe('市级');
  });

  it('requires a level 1-6 consistent with the tenant', () => {
    const code = (level: number) => implementationCode(governmentCreditCode(), level, FIXTURE_BASIC_CODE);
    expect(violationsOf({ level: 3, implementationCode: code(3) })).toEqual(
      exactly(['content.level', 'LEVEL_MISMATCH']),
    );
    expect(violationsOf({ level: 7, implementationCode: code(7) })).toEqual(exactly(['content.level', 'RANGE']));
    const city = { tenant: '620300', department: '620300-SCJG' };
    expect(violationsOf({ level: 3, implementationCode: code(3) }, city)).toEqual([]);
  });
});
