import type { Principal } from '@govhall/auth';
import { NotFoundError } from '@govhall/errors';
import { curateConsultation, type Consultation } from '../../../domain/consultations/consultation';
import type { Clock } from '../../ports';
import { mayRead, requireCurator } from '../consultation-access';
import type { ConsultationRepository } from '../ports';

/**
 * An answered public question curated into its item's FAQ (C19), worded by the item's department head or the center;
 * the public guide shows it (ListItemFaqs). Curating again rewords it.
 */
export function curateConsultationUseCase(deps: { consultations: ConsultationRepository; clock: Clock }) {
  return async (
    command: { id: string; question: string; answer: string; expectedVersion: number },
    actor: Principal | undefined,
  ): Promise<Consultation> => {
    const c = await deps.consultations.find(command.id);
    if (!c || !mayRead(actor, c)) throw new NotFoundError('CONSULTATION_NOT_FOUND', '找不到该咨询');
    const curator = requireCurator(actor, c);
    const { consultation, events } = curateConsultation(
      c,
      command.question,
      command.answer,
      curator.username,
      deps.clock.now(),
    );
    await deps.consultations.save(consultation, command.expectedVersion, events, actor);
    return consultation;
  };
}
