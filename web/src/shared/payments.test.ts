import { fenOfYuanText, NOTICE_STATE, yuan } from './payments';

describe('payments as people read them', () => {
  it('shows fen as yuan exactly, and a dash for what is not an amount', () => {
    expect(yuan(1851852 + 9000)).toBe('18,608.52元');
    expect(yuan(5)).toBe('0.05元');
    expect(yuan(-1)).toBe('—');
    expect(yuan(0.5)).toBe('—');
  });

  it('reads a reduction in yuan as fen without floats', () => {
    expect(fenOfYuanText('0.10')).toEqual({ fen: 10 });
    expect(fenOfYuanText(' 12.5 ')).toEqual({ fen: 1250 });
    expect(fenOfYuanText('')).toEqual({});
    expect(fenOfYuanText('-1').error).toBe('减收金额不能为负数');
    expect(fenOfYuanText('1e3').error).toContain('以元为单位');
  });

  it('never calls a slip paid: it waits for the bank', () => {
    expect(NOTICE_STATE.slip_registered).toBe('待银行确认');
    expect(NOTICE_STATE.issued).toBe('待缴费');
    expect(NOTICE_STATE.paid).toBe('已缴费');
  });
});
