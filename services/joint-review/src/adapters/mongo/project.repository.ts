import { ConflictError } from '@govhall/errors';
import {
  entityUpdate,
  isDuplicateKeyError,
  toDocument,
  toEntity,
  updateVersioned,
  type Connection,
  type Model,
  type StoredDocument,
} from '@govhall/mongo';
import { decodePageToken, encodePageToken } from '@govhall/paging';
import type { Project } from '../../domain/projects/project';
import type { Page, PageQuery } from '../../usecases/ports';
import type { ProjectFilter, ProjectRepository } from '../../usecases/projects/project.ports';
import { projectSchema, type ProjectDocument } from './project.schema';

const PROJECTION = { requestKey: 0, codeKey: 0, caseIds: 0, investorId: 0 } as const;
const DEFAULT_PAGE_SIZE = 20;

/** Top-level copies the lookups filter on, derived from the project alone. */
export function projectQueryFields(p: Project) {
  return {
    requestKey: `${p.tenant}|${p.requestId}`,
    codeKey: p.projectCode ? `${p.tenant}|${p.projectCode}` : `${p.tenant}|#${p.id}`,
    caseIds: p.cases.map((c) => c.caseId),
    investorId: p.investor.personId,
  };
}

function toProject(doc: StoredDocument): Project {
  const p = toEntity<Project & { agent?: Project['agent'] | null }>(doc);
  if (!p.agent) delete p.agent;
  return p;
}

const codeTaken = () => new ConflictError('PROJECT_CODE_TAKEN', '本地区已登记该项目代码的项目');

export class MongoProjectRepository implements ProjectRepository {
  readonly model: Model<ProjectDocument>;

  constructor(connection: Connection) {
    this.model = connection.model<ProjectDocument>('Project', projectSchema);
  }

  async insert(project: Project): Promise<{ project: Project; created: boolean }> {
    try {
      await this.model.collection.insertOne(toDocument(project, projectQueryFields(project)) as never);
      return { project, created: true };
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      const first = await this.model
        .findOne({ requestKey: projectQueryFields(project).requestKey }, PROJECTION)
        .lean<StoredDocument>();
      if (first) return { project: toProject(first), created: false };
      throw codeTaken();
    }
  }

  async findById(id: string): Promise<Project | null> {
    const doc = await this.model.findById(id, PROJECTION).lean<StoredDocument>();
    return doc ? toProject(doc) : null;
  }

  async findByCase(caseId: string): Promise<Project | null> {
    if (!caseId) return null;
    const doc = await this.model.findOne({ caseIds: caseId }, PROJECTION).lean<StoredDocument>();
    return doc ? toProject(doc) : null;
  }

  async save(next: Project, expectedVersion: number): Promise<Project> {
    const stored = { ...next, version: expectedVersion + 1 };
    const update = entityUpdate(stored, [], ['agent']);
    try {
      await updateVersioned(this.model, stored.id, expectedVersion, {
        ...update,
        $set: { ...(update.$set as Record<string, unknown>), ...projectQueryFields(stored) },
      });
    } catch (e) {
      if (isDuplicateKeyError(e)) throw codeTaken();
      throw e;
    }
    return stored;
  }

  /**
   * A tenant's projects, newest first (one indexed read of the tenant: a center follows tens to hundreds of major
   * projects), filtered by state, 代办员 and name or code here.
   */
  async list(filter: ProjectFilter, page: PageQuery): Promise<Page<Project>> {
    const docs = await this.model
      .find({ tenant: filter.tenant }, PROJECTION)
      .sort({ createdAt: -1, _id: 1 })
      .lean<StoredDocument[]>();
    const all = docs
      .map(toProject)
      .filter(
        (p) =>
          (!filter.state || p.state === filter.state) &&
          (!filter.agent || p.agent?.username === filter.agent) &&
          (!filter.query || p.name.includes(filter.query) || p.projectCode.includes(filter.query)),
      );
    const offset = decodePageToken(page.pageToken);
    const end = offset + (page.pageSize > 0 ? page.pageSize : DEFAULT_PAGE_SIZE);
    return {
      items: all.slice(offset, end),
      nextPageToken: end < all.length ? encodePageToken(end) : '',
      totalSize: all.length,
    };
  }

  /** One indexed read per investor (an investor has a handful of projects), merged newest first. */
  async findByInvestors(personIds: string[]): Promise<Project[]> {
    const lists = await Promise.all(
      [...new Set(personIds)].map((investorId) =>
        this.model.find({ investorId }, PROJECTION).sort({ createdAt: -1, _id: 1 }).lean<StoredDocument[]>(),
      ),
    );
    return lists
      .flat()
      .map(toProject)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async findByCode(projectCode: string): Promise<Project[]> {
    if (!projectCode) return [];
    const docs = await this.model.find({ projectCode }, PROJECTION).lean<StoredDocument[]>();
    return docs.map(toProject);
  }
}
