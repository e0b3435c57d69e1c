import { exactly, violationsOf } from './expect-violations.test-double';

const joint = { handlingCategory: 'joint' as const };

describe('co-departments', () => {
  it('requires a joint item to name at least one', () => {
    expect(violationsOf({ coDepartments: [] }, joint)).toEqual(exactly(['content.coDepartments', 'REQUIRED']));
    expect(violationsOf({ coDepartments: ['620321-WJ', '620321-ZRZY'] }, joint)).toEqual([]);
  });

  it('takes departments of the same tenant, other than the implementing one, each once', () => {
    expect(violationsOf({ coDepartments: ['620321-WJ', '620302-ZJ'] }, joint)).toEqual(
      exactly(['content.coDepartments.1', 'TENANT_MISMATCH']),
    );
    expect(violationsOf({ coDepartments: ['620321-wj'] }, joint)).toEqual(
      exactly(['content.coDepartments.0', 'PATTERN']),
    );
    expect(violationsOf({ coDepartments: ['620321-1WJ'] }, joint)).toEqual(
      exactly(['content.coDepartments.0', 'PATTERN']),
    );
    expect(violationsOf({ coDepartments: ['620321-SCJG'] }, joint)).toEqual(
      exactly(['content.coDepartments.0', 'SAME_AS_LEAD']),
    );
    expect(violationsOf({ coDepartments: ['620321-WJ', '620321-WJ'] }, joint)).toEqual(
      exactly(['content.coDepartments.1', 'DUPLICATE']),
    );
  });

  it('refuses co-departments on an item that is not joint', () => {
    expect(violationsOf({ coDepartments: ['620321-WJ'] })).toEqual(exactly(['content.coDepartments', 'NOT_JOINT']));
  });
});
