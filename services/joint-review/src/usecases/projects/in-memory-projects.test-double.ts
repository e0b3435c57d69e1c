import { ConcurrencyError, ConflictError } from '@govhall/errors';
import { encodePageToken, decodePageToken } from '@govhall/paging';
import type { Project } from '../../domain/projects/project';
import type { Page, PageQuery } from '../ports';
import type { ProjectFilter, ProjectRepository } from './project.ports';

/** The project repository in memory, for the use cases' unit tests. */
export class InMemoryProjects implements ProjectRepository {
  readonly byId = new Map<string, Project>();

  async insert(project: Project) {
    const all = [...this.byId.values()].filter((p) => p.tenant === project.tenant);
    const repeat = all.find((p) => p.requestId === project.requestId);
    if (repeat) return { project: repeat, created: false };
    if (project.projectCode && all.some((p) => p.projectCode === project.projectCode)) {
      throw new ConflictError('PROJECT_CODE_TAKEN', '本地区已有该项目代码的项目');
    }
    this.byId.set(project.id, project);
    return { project, created: true };
  }

  async findById(id: string) {
    return this.byId.get(id) ?? null;
  }

  async findByCase(caseId: string) {
    return [...this.byId.values()].find((p) => p.cases.some((c) => c.caseId === caseId)) ?? null;
  }

  async save(next: Project, expectedVersion: number) {
    const stored = this.byId.get(next.id);
    if (!stored || stored.version !== expectedVersion) throw new ConcurrencyError();
    const saved = { ...next, version: expectedVersion + 1 };
    this.byId.set(next.id, saved);
    return saved;
  }

  async list(f: ProjectFilter, page: PageQuery): Promise<Page<Project>> {
    const all = [...this.byId.values()]
      .filter(
        (p) =>
          p.tenant === f.tenant &&
          (!f.state || p.state === f.state) &&
          (!f.agent || p.agent?.username === f.agent) &&
          (!f.query || p.name.includes(f.query) || p.projectCode.includes(f.query)),
      )
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id));
    const offset = page.pageToken ? decodePageToken(page.pageToken) : 0;
    const end = offset + page.pageSize;
    return {
      items: all.slice(offset, end),
      nextPageToken: end < all.length ? encodePageToken(end) : '',
      totalSize: all.length,
    };
  }

  async findByInvestors(personIds: string[]) {
    return [...this.byId.values()]
      .filter((p) => personIds.includes(p.investor.personId))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  async findByCode(projectCode: string) {
    return [...this.byId.values()].filter((p) => p.projectCode === projectCode);
  }
}
