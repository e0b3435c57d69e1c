import type { SharedCase } from '../../domain/cases/shared-case';
import type { Attachment } from '../../domain/tasks/task';
import type { AttachmentStore } from '../attachments/attachment.ports';
import type { JointReviewRepository } from '../ports';

/** The cases service's side of the shared view, read with the service's center account of the case's tenant. */
export interface SharedCases {
  /** The case as its participants share it; null when the cases service does not know it in that tenant. */
  sharedCase(tenant: string, caseId: string): Promise<SharedCase | null>;
  /** The bytes of one of the case's files. */
  fileContent(tenant: string, caseId: string, fileId: string): Promise<Buffer>;
}

/** The minutes' attachments of the meetings that discussed a review. */
export interface MeetingMinutes {
  attachmentsOf(meetingIds: readonly string[]): Promise<Attachment[]>;
}

export interface SharedViewDeps {
  reviews: JointReviewRepository;
  cases: SharedCases;
  attachments: Pick<AttachmentStore, 'content'>;
  minutes: MeetingMinutes;
}
