import { fenOfWan, projectActs, wanText } from './project-format';

describe('project amounts', () => {
  it('turns 万元 into integer fen and back', () => {
    expect(fenOfWan(12000)).toBe(12_000_000_000);
    expect(fenOfWan(0.01)).toBe(10_000);
    expect(fenOfWan(1.13)).toBe(1_130_000);
    expect(wanText(12_000_000_000)).toBe('12,000万元');
    expect(wanText(1_130_000)).toBe('1.13万元');
    expect(wanText(5)).toBe('0.000005万元');
    expect(wanText(0)).toBe('未填写');
  });
});

describe('the acts a project offers', () => {
  const project = { tenant: '620321', state: 'active' as const, agent: { username: 'ycx-clerk' } as never };
  const agent = { username: 'ycx-clerk', tenant: '620321', roles: ['window_clerk'] };
  const center = { username: 'ycx-admin', tenant: '620321', roles: ['center_admin'] };
  const other = { username: 'ycx-other', tenant: '620321', roles: ['window_clerk'] };

  it('lets the 代办员 edit and move cases, the center also assign and end', () => {
    expect(projectActs(agent, project)).toEqual({ edit: true, cases: true, assign: false, close: false });
    expect(projectActs(center, project)).toEqual({ edit: true, cases: true, assign: true, close: true });
    expect(projectActs(other, project)).toEqual({ edit: false, cases: false, assign: false, close: false });
  });

  it('offers nothing once the project ended, nor to another tenant’s center', () => {
    const none = { edit: false, cases: false, assign: false, close: false };
    expect(projectActs(center, { ...project, state: 'closed' })).toEqual(none);
    expect(projectActs(agent, { ...project, state: 'completed' })).toEqual(none);
    expect(projectActs({ ...center, tenant: '620300' }, project)).toEqual(none);
  });

  it('needs an assigned 代办员 to be one', () => {
    expect(projectActs(agent, { ...project, agent: undefined }).edit).toBe(false);
  });
});
