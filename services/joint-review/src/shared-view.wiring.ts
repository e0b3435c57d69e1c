import { CaseReader } from './adapters/cases/case-reader';
import type { ServiceAccounts } from '@govhall/auth';
import type { Attachment } from './domain/tasks/task';
import type { AttachmentStore } from './usecases/attachments/attachment.ports';
import { getSharedFileUseCase } from './usecases/get-shared-file/get-shared-file.usecase';
import { getSharedViewUseCase } from './usecases/get-shared-view/get-shared-view.usecase';
import { getTaskFileUseCase } from './usecases/get-task-file/get-task-file.usecase';
import type { DecisionTasks } from './usecases/decision-tasks/decision-task.ports';
import type { MeetingRepository } from './usecases/meetings/meeting.ports';
import type { JointReviewRepository } from './usecases/ports';
import type { SharedViewDeps } from './usecases/shared-view/shared-view.ports';

/** The minutes' attachments of a review's meetings, read from `joint_meetings`. */
function meetingMinutes(meetings: Pick<MeetingRepository, 'findById'>): SharedViewDeps['minutes'] {
  return {
    async attachmentsOf(meetingIds: readonly string[]): Promise<Attachment[]> {
      const found = await Promise.all(meetingIds.map((id) => meetings.findById(id)));
      return found.flatMap((m) => m?.minutesAttachments ?? []);
    },
  };
}

/**
 * J14 / J11: the shared view of joint cases (GetSharedView, GetSharedFile, GetTaskFile and PullTasks' dossiers): the
 * case is read from the cases service with the service's center account of its tenant each time, never copied.
 */
export function wireSharedView(w: {
  reviews: JointReviewRepository;
  meetings: Pick<MeetingRepository, 'findById'>;
  attachments: AttachmentStore;
  accounts: ServiceAccounts;
  applicationsAddress: string;
}) {
  const cases = new CaseReader(w.applicationsAddress, w.accounts);
  const deps: SharedViewDeps = {
    reviews: w.reviews,
    cases,
    attachments: w.attachments,
    minutes: meetingMinutes(w.meetings),
  };
  return {
    deps,
    /** The cases service read with the center account (also what OpenJointReview reads the case with). */
    cases,
    getSharedView: getSharedViewUseCase(deps),
    getSharedFile: getSharedFileUseCase(deps),
    /** GetTaskFile, also for the decision tasks of the flows that serve their files. */
    getTaskFile: (decisions: readonly DecisionTasks[]) => getTaskFileUseCase({ ...deps, decisions }),
    close: () => cases.close(),
  };
}
