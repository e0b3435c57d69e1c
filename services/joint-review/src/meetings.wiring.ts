import type { GrpcServer } from '@govhall/grpc';
import { registerMeetingService } from './adapters/grpc/meeting.grpc-handler';
import { cancelMeetingUseCase } from './usecases/cancel-meeting/cancel-meeting.usecase';
import { conveneMeetingUseCase } from './usecases/convene-meeting/convene-meeting.usecase';
import { getMeetingUseCase } from './usecases/get-meeting/get-meeting.usecase';
import { listMeetingsUseCase } from './usecases/list-meetings/list-meetings.usecase';
import type { MeetingDeps } from './usecases/meetings/meeting.ports';
import { recordMinutesUseCase } from './usecases/record-minutes/record-minutes.usecase';
import { recordOutcomeUseCase } from './usecases/record-outcome/record-outcome.usecase';
import { recordPositionUseCase } from './usecases/record-position/record-position.usecase';
import { rescheduleMeetingUseCase } from './usecases/reschedule-meeting/reschedule-meeting.usecase';

/** MeetingService (J10) wired to its use cases. */
export function registerMeetings(server: GrpcServer, deps: MeetingDeps & { afterWrite(): void }): void {
  registerMeetingService(server, {
    conveneMeeting: conveneMeetingUseCase(deps),
    rescheduleMeeting: rescheduleMeetingUseCase(deps),
    cancelMeeting: cancelMeetingUseCase(deps),
    recordMinutes: recordMinutesUseCase(deps),
    recordPosition: recordPositionUseCase(deps),
    recordOutcome: recordOutcomeUseCase(deps),
    getMeeting: getMeetingUseCase(deps),
    listMeetings: listMeetingsUseCase(deps),
    afterWrite: deps.afterWrite,
  });
}
