import {
  DEMO_CENTER_ACCOUNTS,
  describeAccounts,
  ensureCenterAccounts,
  serviceAccountsValue,
  type CenterAccountApi,
} from './center-accounts';

type Request = Parameters<CenterAccountApi['createServiceAccount']>[0];

/** identity as the seed sees it: the same account and secret on a repeat of the same request. */
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

describe('joint-review demo seed: center accounts', () => {
  it('creates 永昌县’s center account (no department) as yc-admin', async () => {
    const { api, calls } = fakeIdentity();
    const accounts = await ensureCenterAccounts(api);
    expect(calls).toEqual([
      {
        request: { tenant: '620321', department: '', clientId: 'yc-joint-review', description: '联合审批服务' },
        as: 'yc-admin',
      },
    ]);
    expect(accounts).toEqual([{ tenant: '620321', clientId: 'yc-joint-review', secret: 'secret-of-yc-joint-review' }]);
  });

  it('writes SERVICE_ACCOUNTS as the service parses it, and describes the accounts without their secrets', async () => {
    const { api } = fakeIdentity();
    const accounts = await ensureCenterAccounts(api, [
      ...DEMO_CENTER_ACCOUNTS,
      { tenant: '620302', clientId: 'jc-joint-review', description: '联合审批服务', admin: 'jc-admin' },
    ]);
    expect(serviceAccountsValue(accounts)).toBe(
      '620321=yc-joint-review:secret-of-yc-joint-review,620302=jc-joint-review:secret-of-jc-joint-review',
    );
    const line = describeAccounts(accounts);
    expect(line).toBe('joint-review seed: center accounts yc-joint-review (620321), jc-joint-review (620302) ready');
    expect(line).not.toContain('secret');
  });

  it('stops when identity answers a department-bound account or another tenant’s', async () => {
    await expect(ensureCenterAccounts(fakeIdentity(() => ({ department: '620321-SCJG' })).api)).rejects.toThrow(
      /expected a center account of 620321/,
    );
    await expect(ensureCenterAccounts(fakeIdentity(() => ({ tenant: '620302' })).api)).rejects.toThrow(
      /expected a center account of 620321/,
    );
  });

  it('stops, without quoting it, when the secret is empty or would break SERVICE_ACCOUNTS', async () => {
    for (const secret of ['', 'a,b', 'a b', 'a|b']) {
      const failure = ensureCenterAccounts(fakeIdentity(() => ({ secret })).api);
      await expect(failure).rejects.toThrow('service account yc-joint-review: identity answered no usable secret');
    }
  });
});
