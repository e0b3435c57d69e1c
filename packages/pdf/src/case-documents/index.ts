export { type CaseDocumentBase, documentNumber, type Party, type Remedies } from './common';
export {
  acceptanceNotice,
  type AcceptanceNoticeInput,
  extensionNotice,
  type ExtensionNoticeInput,
  type NoticeProblem,
  oneTimeNotice,
  type OneTimeNoticeInput,
  refusalNotice,
  type RefusalNoticeInput,
  suspensionNotice,
  type SuspensionNoticeInput,
} from './notices';
export { decision, type DecisionInput } from './decision';
export { licence, type LicenceInput } from './licence';
export {
  applicationContentHash,
  applicationCopy,
  type ApplicationCopyInput,
  type SubmittedApplication,
  type SubmittedMaterial,
} from './application-copy';
export { flattenForm, type FormField, type FormSchema } from './form-fields';
