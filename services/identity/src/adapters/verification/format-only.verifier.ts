import { parseCreditCode, parseResidentIdNumber } from '@govhall/identifiers';
import type { RealNameResult, RealNameVerifier } from '../../usecases/applicants.ports';

export const FORMAT_ONLY_NATURAL_NOTE = '仅校验了证件号码格式与校验位，未与公安人口库核验';
export const FORMAT_ONLY_LEGAL_NOTE = '仅校验了证件号码格式与校验位，未与市场监管登记库核验';

/**
 * The default real-name verifier: it checks the format and check characters of the ID number or credit code
 * and nothing else, so it accepts well-formed data but never says `verified: true` (registration answers and
 * records say `verified: false`, and the note says what was checked). A deployment connected to the
 * public-security population register or the market-regulation register replaces it.
 */
export class FormatOnlyVerifier implements RealNameVerifier {
  async verifyNaturalPerson(input: { name: string; idNumber: string }): Promise<RealNameResult> {
    const parsed = parseResidentIdNumber(input.idNumber);
    if (!parsed.ok) return { method: 'format-only', accepted: false, verified: false, note: parsed.violation.message };
    return { method: 'format-only', accepted: true, verified: false, note: FORMAT_ONLY_NATURAL_NOTE };
  }

  async verifyLegalPerson(input: {
    name: string;
    creditCode: string;
    legalRepresentativeName: string;
  }): Promise<RealNameResult> {
    const parsed = parseCreditCode(input.creditCode);
    if (!parsed.ok) return { method: 'format-only', accepted: false, verified: false, note: parsed.violation.message };
    return { method: 'format-only', accepted: true, verified: false, note: FORMAT_ONLY_LEGAL_NOTE };
  }
}
