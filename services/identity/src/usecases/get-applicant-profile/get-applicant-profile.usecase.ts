import type { Principal } from '@govhall/auth';
import { NotFoundError } from '@govhall/errors';
import { agentView, currentGrantOf, type LegalPerson } from '../../domain/legal-person';
import type { NaturalPerson } from '../../domain/natural-person';
import type { LegalPersonRepository, NaturalPersonRepository } from '../applicants.ports';
import { localDate, type Clock } from '../ports';

export interface ApplicantProfile {
  /** The caller's own record, ID number in full. */
  person: NaturalPerson;
  /** Legal persons the caller holds, with every grant. */
  heldLegalPersons: LegalPerson[];
  /** Legal persons the caller may act for today: only the caller's own grant is included. */
  agentFor: LegalPerson[];
}

/** The calling applicant's profile (GetMyProfile combines it with the staff profile). */
export function getApplicantProfileUseCase(deps: {
  naturalPersons: NaturalPersonRepository;
  legalPersons: LegalPersonRepository;
  clock: Clock;
}) {
  return async (actor: Principal): Promise<ApplicantProfile> => {
    const person = actor.subject ? await deps.naturalPersons.findBySubject(actor.subject) : null;
    if (!person || person.status !== 'active') {
      throw new NotFoundError('APPLICANT_NOT_FOUND', '您还不是已注册的申请人，请先完成个人实名注册');
    }
    const subject = actor.subject;
    const today = localDate(deps.clock.now());
    const [held, granted] = await Promise.all([
      deps.legalPersons.findByHolderSubject(subject),
      deps.legalPersons.findByAgentSubject(subject),
    ]);
    const agentFor = granted
      .filter((lp) => currentGrantOf(lp, subject, today) !== undefined)
      .map((lp) => agentView(lp, subject));
    return { person, heldLegalPersons: held, agentFor };
  };
}
