import { ForbiddenError } from '@govhall/errors';
import type { Principal } from '../principal';
import { createAuthorizer } from './authorizer';

const clerk: Principal = {
  kind: 'user',
  subject: 's-clerk',
  username: 'yc-clerk',
  tenant: '620321',
  roles: ['window_clerk'],
  department: '620321-SCJG',
  clientId: 'govhall-portal',
};

function fakeLogger() {
  const lines: { obj: object; msg: string }[] = [];
  return { lines, warn: (obj: object, msg: string) => void lines.push({ obj, msg }) };
}

describe('createAuthorizer', () => {
  it('returns the allowing decision and logs nothing', () => {
    const logger = fakeLogger();
    const decision = createAuthorizer(logger).ensure(
      clerk,
      'write',
      { type: 'case', id: 'c1', tenant: '620321' },
      {
        roles: ['window_clerk'],
      },
    );
    expect(decision).toEqual({ allowed: true, basis: 'OWN_TENANT' });
    expect(logger.lines).toEqual([]);
  });

  it('logs the denial and throws ForbiddenError with reason and message', () => {
    const logger = fakeLogger();
    const resource = { type: 'case', id: 'c2', tenant: '620302' };
    let thrown: unknown;
    try {
      createAuthorizer(logger).ensure(clerk, 'read', resource, { roles: ['window_clerk'] });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ForbiddenError);
    expect(thrown).toMatchObject({ code: 'TENANT_OUT_OF_SCOPE', message: '无权访问其他地区（620302）的数据' });
    expect(logger.lines).toEqual([
      {
        msg: 'access denied',
        obj: {
          principal: {
            subject: 's-clerk',
            username: 'yc-clerk',
            kind: 'user',
            tenant: '620321',
            department: '620321-SCJG',
            roles: ['window_clerk'],
            clientId: 'govhall-portal',
          },
          access: 'read',
          resource,
          reason: 'TENANT_OUT_OF_SCOPE',
        },
      },
    ]);
  });
});
