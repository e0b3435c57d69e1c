import type { Principal } from '@govhall/auth';
import { NotFoundError } from '@govhall/errors';
import { answerConsultation, type Consultation } from '../../../domain/consultations/consultation';
import type { Clock } from '../../ports';
import { mayRead, requireAnswerer } from '../consultation-access';
import type { ConsultationRepository, StaffNames } from '../ports';

/** The item's department (the center for the mailbox) answers an open consultation, once (C18's offline reply). */
export function answerConsultationUseCase(deps: {
  consultations: ConsultationRepository;
  staffNames: StaffNames;
  clock: Clock;
}) {
  return async (
    command: { id: string; text: string; expectedVersion: number },
    actor: Principal | undefined,
  ): Promise<Consultation> => {
    const c = await deps.consultations.find(command.id);
    if (!c || !mayRead(actor, c)) throw new NotFoundError('CONSULTATION_NOT_FOUND', '找不到该咨询');
    const staff = requireAnswerer(actor, c);
    const name = await deps.staffNames.nameOf(c.tenant, staff.username);
    const { consultation, events } = answerConsultation(
      c,
      command.text,
      { username: staff.username, name },
      deps.clock.now(),
    );
    await deps.consultations.save(consultation, command.expectedVersion, events, actor);
    return consultation;
  };
}
