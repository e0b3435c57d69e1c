import type { SharedCase } from '../../domain/cases/shared-case';
import { SHARED_CASE } from '../../domain/cases/shared-case.test-double';
import type { Attachment } from '../../domain/tasks/task';
import type { MeetingMinutes, SharedCases } from './shared-view.ports';

/** The cases service in memory: its cases by (tenant, id) and its files' bytes; `down` makes it unavailable. */
export class InMemorySharedCases implements SharedCases {
  readonly cases = new Map<string, SharedCase>([[`620300:case-1`, SHARED_CASE]]);
  readonly files = new Map<string, Buffer>([
    ['f-licence', Buffer.from('%PDF-licence')],
    ['f-fire', Buffer.from('\x89PNG')],
    ['f-eia', Buffer.from('%PDF-eia')],
  ]);
  /** How often a case was read. */
  reads = 0;

  async sharedCase(tenant: string, caseId: string): Promise<SharedCase | null> {
    this.reads += 1;
    return this.cases.get(`${tenant}:${caseId}`) ?? null;
  }

  async fileContent(_tenant: string, caseId: string, fileId: string): Promise<Buffer> {
    const file = this.files.get(fileId);
    if (!file || caseId !== 'case-1') throw new Error(`no file ${fileId} in ${caseId}`);
    return file;
  }
}

/** Meetings' minutes attachments in memory, by meeting id. */
export class InMemoryMinutes implements MeetingMinutes {
  readonly byMeeting = new Map<string, Attachment[]>();

  async attachmentsOf(meetingIds: readonly string[]): Promise<Attachment[]> {
    return meetingIds.flatMap((id) => this.byMeeting.get(id) ?? []);
  }
}
