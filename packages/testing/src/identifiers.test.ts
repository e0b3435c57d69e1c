import { parseCreditCode, parseResidentIdNumber } from '@govhall/identifiers';
import { newCreditCode, newResidentIdNumber } from './identifiers';

// The generators feed registrations in integration tests: each code must pass the same checks the services make.
describe('test identifiers', () => {
  it('newCreditCode gives codes that parseCreditCode accepts (authority, type, region, both check characters)', () => {
    for (let i = 0; i < 200; i += 1) {
      const code = newCreditCode(i % 2 ? '620321' : '620302');
      expect([code, parseCreditCode(code)]).toEqual([code, expect.objectContaining({ ok: true })]);
    }
  });

  it('newResidentIdNumber gives ID numbers that parseResidentIdNumber accepts', () => {
    for (let i = 0; i < 200; i += 1) {
      const id = newResidentIdNumber();
      expect([id, parseResidentIdNumber(id).ok]).toEqual([id, true]);
    }
  });
});
