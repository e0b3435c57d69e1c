/**
 * J14: what the cases service holds of a case that its joint review shares with the participants. Read from the
 * cases service when asked (GetCase), never copied into joint-review's database (an escalation keeps its own
 * forwarded copy). Personal data in it is unmasked for the participants: it is never logged.
 */

export interface ApplicantBase {
  kind: 'natural_person' | 'legal_person' | 'other_organisation' | '';
  name: string;
  idCode: string;
  legalRepresentative: string;
  agentName: string;
  mobile: string;
  address: string;
}

/** A file given for a material (its bytes stay in the cases service: GetCaseFile). */
export interface SharedFile {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface SharedMaterial {
  materialId: string;
  name: string;
  files: SharedFile[];
  licenceNumber: string;
  licenceValid: boolean;
}

/** The case as the participants share it: the applicant's base data, the consolidated form and the materials. */
export interface SharedCase {
  caseId: string;
  applicant: ApplicantBase;
  /** The consolidated form as JSON text. */
  formData: string;
  materials: SharedMaterial[];
  acceptedAt?: Date;
}

/** The registered address (住所) of the form, when it has a field the seed's forms use for it. */
export function addressOf(formData: string): string {
  try {
    const form = JSON.parse(formData) as Record<string, unknown>;
    const value = form['address'] ?? form['registeredAddress'] ?? form['住所'];
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}
