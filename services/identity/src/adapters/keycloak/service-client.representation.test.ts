import { serviceClientRepresentation } from './service-client.representation';

const base = { clientId: 'yc-x', description: '测试系统', tenant: '620321', ref: 'service-account:1' };
const claims = (department: string) =>
  (serviceClientRepresentation({ ...base, department }).protocolMappers ?? []).map((m) => [
    m.config?.['claim.name'],
    m.config?.['claim.value'],
  ]);

describe('serviceClientRepresentation', () => {
  it('a department system’s tokens carry its tenant and department', () => {
    expect(claims('620321-SCJG')).toEqual(
      expect.arrayContaining([
        ['tenant', '620321'],
        ['department', '620321-SCJG'],
      ]),
    );
  });

  it('a center account’s tokens carry the tenant and no department claim at all (ADR 0053)', () => {
    const center = claims('');
    expect(center).toContainEqual(['tenant', '620321']);
    expect(center.map(([name]) => name)).not.toContain('department');
  });
});
