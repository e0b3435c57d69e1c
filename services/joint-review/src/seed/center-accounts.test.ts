import { ensureCenterAccounts, serviceAccountsValue, type CenterAccountApi } from '@govhall/seed-kit';
import { DEMO_CENTER_ACCOUNTS } from './center-accounts';

describe('joint-review demo seed: center accounts', () => {
  it('creates 永昌县’s center account yc-joint-review (no department) as yc-admin, for SERVICE_ACCOUNTS', async () => {
    const calls: { request: Parameters<CenterAccountApi['createServiceAccount']>[0]; as: string }[] = [];
    const identity: CenterAccountApi = {
      createServiceAccount(request, as) {
        calls.push({ request, as });
        return Promise.resolve({ ...request, secret: `secret-of-${request.clientId}` });
      },
    };
    const accounts = await ensureCenterAccounts(identity, DEMO_CENTER_ACCOUNTS);
    expect(calls).toEqual([
      {
        request: { tenant: '620321', department: '', clientId: 'yc-joint-review', description: '联合审批服务' },
        as: 'yc-admin',
      },
    ]);
    expect(serviceAccountsValue(accounts)).toBe('620321=yc-joint-review:secret-of-yc-joint-review');
  });
});
