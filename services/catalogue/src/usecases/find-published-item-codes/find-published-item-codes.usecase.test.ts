import { ValidationError } from '@govhall/errors';
import { foodBusinessLicence, InMemoryPublishedItems, testId } from '../get-published-item/published-item.test-double';
import { findPublishedItemCodesUseCase } from './find-published-item-codes.usecase';

describe('findPublishedItemCodes', () => {
  const published = foodBusinessLicence({ id: testId(), basicCode: '000117006000' });
  const superseded = foodBusinessLicence({ id: testId(), basicCode: '000117006000', status: 'superseded' });
  const draft = foodBusinessLicence({ id: testId(), basicCode: '000125019000', status: 'draft' });
  const submitted = foodBusinessLicence({ id: testId(), basicCode: '000125020000', status: 'submitted' });
  const retired = foodBusinessLicence({ id: testId(), basicCode: '000125021000', status: 'retired' });
  // Published by 金昌市 (620300), the parent of 永昌县: not an item of 620321.
  const ofTheCity = foodBusinessLicence({
    id: testId(),
    tenant: '620300',
    department: '620300-STHJ',
    basicCode: '000110004000',
  });
  const find = findPublishedItemCodesUseCase({
    published: new InMemoryPublishedItems(published, superseded, draft, submitted, retired, ofTheCity),
  });

  it('answers the codes the tenant has a published item for, in request order, each once', async () => {
    await expect(
      find({ tenant: '620321', basicCodes: ['999999999999', '000117006000', '000117006000'] }),
    ).resolves.toEqual(['000117006000']);
    await expect(find({ tenant: '620300', basicCodes: ['000117006000', '000110004000'] })).resolves.toEqual([
      '000110004000',
    ]);
  });

  it('does not count drafts, submitted or retired items, nor items of another tenant (the parent included)', async () => {
    await expect(
      find({ tenant: '620321', basicCodes: ['000125019000', '000125020000', '000125021000', '000110004000'] }),
    ).resolves.toEqual([]);
  });

  it('refuses a bad tenant, bad codes, none or too many, with the field', async () => {
    const err = await find({ tenant: '6203', basicCodes: ['000117006000', 'abc'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).violations.map((v) => [v.path, v.reason])).toEqual([
      ['tenant', 'PATTERN'],
      ['basicCodes.1', 'PATTERN'],
    ]);
    await expect(find({ tenant: '620321', basicCodes: [] })).rejects.toMatchObject({
      violations: [expect.objectContaining({ path: 'basicCodes', reason: 'REQUIRED' })],
    });
    const many = Array.from({ length: 101 }, (_, i) => String(i).padStart(12, '0'));
    await expect(find({ tenant: '620321', basicCodes: many })).rejects.toMatchObject({
      violations: [expect.objectContaining({ path: 'basicCodes', reason: 'TOO_MANY' })],
    });
  });
});
