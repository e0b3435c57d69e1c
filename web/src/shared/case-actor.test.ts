import { actorOf } from './case-actor';

describe('actorOf', () => {
  it('names staff by role and login', () => {
    expect(actorOf({ actor: 'yc-clerk', actorRole: 'window_clerk' })).toBe('窗口工作人员 yc-clerk');
  });
  it('never repeats the applicant login (their ID number)', () => {
    expect(actorOf({ actor: '620321199001011234', actorRole: 'applicant' })).toBe('申请人');
  });
  it('calls the system 系统', () => {
    expect(actorOf({ actor: 'system', actorRole: 'system' })).toBe('系统');
  });
  it("names a department's own approval system by its account", () => {
    expect(actorOf({ actor: 'service-account-rsj', actorRole: 'department_system' })).toBe(
      '部门审批系统 service-account-rsj',
    );
  });
  it('keeps the login when the role is unknown', () => {
    expect(actorOf({ actor: 'svc-x', actorRole: 'service' })).toBe('服务账号 svc-x');
    expect(actorOf({ actor: 'someone' })).toBe('someone');
  });
});
