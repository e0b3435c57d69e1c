import type { Project } from '../../api/types';
import { contentBody, contentValuesOf } from './project-content';

const project = {
  name: '金川河物流园建设项目',
  projectCode: '2026-620321-44-01-000123',
  kind: 'investment',
  authorisation: 'filing',
  location: '永昌县河西堡镇',
  description: '',
  totalInvestmentFen: 12_000_000_000,
  publicProgress: true,
  classified: false,
} as Project;

describe('a project’s content in the form and to the API', () => {
  it('sends back what it read unchanged', () => {
    expect(contentBody(contentValuesOf(project))).toEqual({
      name: '金川河物流园建设项目',
      projectCode: '2026-620321-44-01-000123',
      kind: 'investment',
      authorisation: 'filing',
      classified: false,
      publicProgress: true,
      location: '永昌县河西堡镇',
      description: '',
      totalInvestmentFen: 12_000_000_000,
    });
  });

  it('sends a cleared field empty (a replace) and texts trimmed', () => {
    const body = contentBody({
      ...contentValuesOf(project),
      name: '  金川河物流园二期 ',
      projectCode: '   ',
      location: undefined,
      totalInvestmentFen: undefined,
    });
    expect(body).toMatchObject({ name: '金川河物流园二期', projectCode: '', location: '', totalInvestmentFen: 0 });
  });

  it('leaves no amount out of the form and never makes a classified project public', () => {
    const values = contentValuesOf({ ...project, totalInvestmentFen: 0, projectCode: undefined });
    expect(values.totalInvestmentFen).toBeUndefined();
    expect(values.projectCode).toBe('');
    expect(contentBody({ ...values, classified: true, publicProgress: true }).publicProgress).toBe(false);
  });
});
