import { NotFoundError, ValidationError } from '@govhall/errors';
import { maskIdNumber, maskName } from '@govhall/identifiers';
import { normalizeVerificationCode, type Licence } from '../../domain/licence';
import type { HandlingDeps } from '../handling.deps';

/**
 * Public check of a licence by its verification code (no token): what it is, who issued it and until when, with
 * the holder masked (a person's name and ID number; an organisation's name keeps its first characters and form).
 */
export function verifyLicenceUseCase(deps: Pick<HandlingDeps, 'licences'>) {
  return async (verificationCode: string): Promise<Licence> => {
    const code = normalizeVerificationCode(verificationCode);
    if (!code) {
      throw new ValidationError([
        { path: 'verificationCode', reason: 'PATTERN', message: '核验码应为12位字母或数字（不含I、L、O、U）' },
      ]);
    }
    const licence = await deps.licences.findByVerificationCode(code);
    if (!licence) throw new NotFoundError('LICENCE_NOT_FOUND', '未找到该核验码对应的电子证照，请核对核验码');
    return maskedLicence(licence);
  };
}

/** The licence as anyone may see it. */
export function maskedLicence(l: Licence): Licence {
  return {
    ...l,
    holderName: maskName(l.holderName),
    holderIdCode: l.holderKind === 'natural_person' ? maskIdNumber(l.holderIdCode) : l.holderIdCode,
    holderSubject: '',
    holderPersonId: '',
    agentPersonId: '',
    agentName: l.agentName ? maskName(l.agentName) : '',
    issuedBy: '',
    caseId: '',
  };
}
