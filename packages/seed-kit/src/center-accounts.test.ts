import {
  describeAccounts,
  ensureCenterAccounts,
  serviceAccountsValue,
  type CenterAccountApi,
  type CenterAccountSpec,
} from './center-accounts';

type Request = Parameters<CenterAccountApi['createServiceAccount']>[0];

const YC: CenterAccountSpec = {
  tenant: '620321',
  clientId: 'yc-payments',
  description: '收费管理服务',
  admin: 'yc-admin',
};
const JC: CenterAccountSpec = {
  tenant: '620302',
  clientId: 'jc-payments',
  description: '收费管理服务',
  admin: 'jc-admin',
};

/** identity as a seed sees it: the same account and secret on a repeat of the same request. */
function fakeIdentity(
  answer: (request: Request) => Partial<Awaited<ReturnType<CenterAccountApi['createServiceAccount']>>> = () => ({}),
) {
  const calls: { request: Request; as: string }[] = [];
  const api: CenterAccountApi = {
    createServiceAccount(request, as) {
      calls.push({ request, as });
      return Promise.resolve({
        tenant: request.tenant,
        department: request.department,
        clientId: request.clientId,
        secret: `secret-of-${request.clientId}`,
        ...answer(request),
      });
    },
  };
  return { api, calls };
}

describe('a demo seed’s center accounts', () => {
  it('creates each account with no department, as the tenant’s center administrator, one after the other', async () => {
    const { api, calls } = fakeIdentity();
    const accounts = await ensureCenterAccounts(api, [YC, JC]);
    expect(calls).toEqual([
      {
        request: { tenant: '620321', department: '', clientId: 'yc-payments', description: '收费管理服务' },
        as: 'yc-admin',
      },
      {
        request: { tenant: '620302', department: '', clientId: 'jc-payments', description: '收费管理服务' },
        as: 'jc-admin',
      },
    ]);
    expect(accounts).toEqual([
      { tenant: '620321', clientId: 'yc-payments', secret: 'secret-of-yc-payments' },
      { tenant: '620302', clientId: 'jc-payments', secret: 'secret-of-jc-payments' },
    ]);
  });

  it('gives SERVICE_ACCOUNTS as the services parse it, and describes the accounts without their secrets', async () => {
    const accounts = await ensureCenterAccounts(fakeIdentity().api, [YC, JC]);
    expect(serviceAccountsValue(accounts)).toBe(
      '620321=yc-payments:secret-of-yc-payments,620302=jc-payments:secret-of-jc-payments',
    );
    const line = describeAccounts('payments seed', accounts);
    expect(line).toBe('payments seed: center accounts yc-payments (620321), jc-payments (620302) ready');
    expect(line).not.toContain('secret');
  });

  it('stops when identity answers a department-bound account, another tenant’s or another client', async () => {
    for (const wrong of [{ department: '620321-SCJG' }, { tenant: '620302' }, { clientId: 'yc-other' }]) {
      await expect(ensureCenterAccounts(fakeIdentity(() => wrong).api, [YC])).rejects.toThrow(
        /expected a center account of 620321/,
      );
    }
  });

  it('stops, without quoting it, when the secret is empty or would break SERVICE_ACCOUNTS', async () => {
    for (const secret of ['', 'a,b', 'a b', 'a|b', 'a:b\n']) {
      const failure = ensureCenterAccounts(fakeIdentity(() => ({ secret })).api, [YC]);
      await expect(failure).rejects.toThrow('service account yc-payments: identity answered no usable secret');
    }
  });
});
