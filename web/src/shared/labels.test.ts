import { ITEM_KIND, ITEM_KINDS } from './labels';

describe('item kinds', () => {
  it('are offered in their code order, 10 and 20 last, and looked up by code', () => {
    expect(ITEM_KINDS.map(([code]) => code)).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
      '20',
    ]);
    expect(ITEM_KIND['01']).toBe('行政许可');
    expect(ITEM_KIND['20']).toBe('公共服务');
  });
});
