import { evaluateFormula, formNumbers } from '@govhall/money';
import { checkFeeItem, type FeeItemInput } from '../domain/fee-items/fee-item';
import {
  DEMO_FEE_ITEMS,
  describeFeeRegister,
  ensureFeeRegister,
  sameEntry,
  type FeeRegisterApi,
  type RegisterEntry,
} from './fee-register';

/** The payments service as the seed sees it: a register per tenant, versions counted, a create of a taken code refused. */
function fakePayments(initial: RegisterEntry[] = []) {
  const register = new Map(initial.map((e) => [`${e.tenant}:${e.code}`, e]));
  const puts: { code: string; expectedVersion: number; as: string }[] = [];
  const lists: { tenant: string; as: string }[] = [];
  const api: FeeRegisterApi = {
    listFeeItems(tenant, as) {
      lists.push({ tenant, as });
      return Promise.resolve([...register.values()].filter((e) => e.tenant === tenant));
    },
    putFeeItem(item, expectedVersion, as) {
      puts.push({ code: item.code, expectedVersion, as });
      const current = register.get(`${item.tenant}:${item.code}`);
      if ((current?.version ?? 0) !== expectedVersion) return Promise.reject(new Error('PutFeeItem: version'));
      const stored = { ...item, version: expectedVersion + 1 };
      register.set(`${item.tenant}:${item.code}`, stored);
      return Promise.resolve(stored);
    },
  };
  return { api, puts, lists, register };
}

const byCode = (code: string) => DEMO_FEE_ITEMS.find((i) => i.code === code)!;

describe('payments demo seed: 永昌县’s fee register', () => {
  it('holds the four codes the seed catalogue’s 存量房转移登记 charges, with their owners, categories and standards', () => {
    expect(
      DEMO_FEE_ITEMS.map((i) => [i.code, i.department, i.category, i.standardFen, i.unit, i.formula !== '']),
    ).toEqual([
      ['BDCDJ-ZZ', '620321-ZRZY', 'administrative', 8000, '件', false],
      ['BDCDJ-FZZ', '620321-ZRZY', 'administrative', 55000, '件', false],
      ['BDCQZS-GBF', '620321-ZRZY', 'administrative', 1000, '本', false],
      ['QS', '620321-SWJ', 'tax', 0, '件', true],
    ]);
    expect(byCode('QS').revenueCode).toBe('10119');
  });

  it('passes the service’s own register rules, entry by entry', () => {
    for (const item of DEMO_FEE_ITEMS) expect(checkFeeItem(item)).toEqual({ item, violations: [] });
  });

  it('computes 契税 from the case’s form data exactly: 1% up to 140 m², 1.5% above, 3% for non-residential', () => {
    const tax = (use: string, area: string, price: string) =>
      evaluateFormula(
        byCode('QS').formula,
        formNumbers(`{"property": {"use": "${use}", "area": ${area}, "price": ${price}}}`),
      );
    expect(tax('住宅', '140', '1000000')).toBe(1_000_000); // 10,000.00 yuan
    expect(tax('住宅', '140.01', '1000000')).toBe(1_500_000);
    expect(tax('非住宅', '80', '1234567.89')).toBe(3_703_704); // 37,037.0367 → 37,037.04 yuan, half up
  });

  it('creates every entry as the center administrator when the register is empty', async () => {
    const { api, puts, lists, register } = fakePayments();
    const outcomes = await ensureFeeRegister(api, 'yc-admin');
    expect(lists).toEqual([{ tenant: '620321', as: 'yc-admin' }]);
    expect(puts).toEqual(DEMO_FEE_ITEMS.map((i) => ({ code: i.code, expectedVersion: 0, as: 'yc-admin' })));
    expect(outcomes.map((o) => o.outcome)).toEqual(['created', 'created', 'created', 'created']);
    expect([...register.values()].every((e) => e.version === 1)).toBe(true);
  });

  it('writes nothing on a repeat', async () => {
    const { api, puts } = fakePayments();
    await ensureFeeRegister(api, 'yc-admin');
    puts.length = 0;
    const outcomes = await ensureFeeRegister(api, 'yc-admin');
    expect(puts).toEqual([]);
    expect(describeFeeRegister('620321', outcomes)).toBe(
      'payments seed: fee register of 620321: BDCDJ-ZZ already there, BDCDJ-FZZ already there, ' +
        'BDCQZS-GBF already there, QS already there',
    );
  });

  it('puts back an entry that differs from the seed at its current version, and leaves other codes alone', async () => {
    const changed: RegisterEntry = { ...byCode('BDCDJ-ZZ'), standardFen: 9000, active: false, version: 3 };
    const other: RegisterEntry = { ...byCode('BDCQZS-GBF'), code: 'OTHER', version: 2 };
    const { api, puts, register } = fakePayments([changed, other]);
    const outcomes = await ensureFeeRegister(api, 'yc-admin');
    expect(puts.find((p) => p.code === 'BDCDJ-ZZ')).toEqual({ code: 'BDCDJ-ZZ', expectedVersion: 3, as: 'yc-admin' });
    expect(outcomes.find((o) => o.code === 'BDCDJ-ZZ')?.outcome).toBe('updated');
    expect(register.get('620321:BDCDJ-ZZ')).toEqual({ ...byCode('BDCDJ-ZZ'), version: 4 });
    expect(register.get('620321:OTHER')).toEqual(other);
  });

  it('compares what the register says, not its bookkeeping', () => {
    const item: FeeItemInput = byCode('QS');
    expect(sameEntry({ ...item }, item)).toBe(true);
    for (const change of [
      { formula: 'property.price * 0.03' },
      { revenueCode: '10120' },
      { department: '620321-ZRZY' },
    ]) {
      expect(sameEntry({ ...item, ...change }, item)).toBe(false);
    }
  });

  it('stops at the service’s refusal', async () => {
    const { api } = fakePayments();
    const refusing: FeeRegisterApi = {
      ...api,
      putFeeItem: () => Promise.reject(new Error('PutFeeItem: PERMISSION_DENIED')),
    };
    await expect(ensureFeeRegister(refusing, 'yc-admin')).rejects.toThrow('PutFeeItem: PERMISSION_DENIED');
  });
});
