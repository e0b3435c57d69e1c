import type {
  Calendars,
  CasesPort,
  Clock,
  Duty,
  FlowSource,
  IdGenerator,
  Items,
  JointReviewRepository,
  SettingsSource,
} from '../ports';
import type { AttachmentStore } from '../attachments/attachment.ports';

/** What the joint-review use cases are given (main.ts wires the adapters; unit tests the fakes). */
export interface ReviewDeps {
  reviews: JointReviewRepository;
  duty: Duty;
  calendars: Calendars;
  items: Items;
  flows: FlowSource;
  settings: SettingsSource;
  cases: CasesPort;
  clock: Clock;
  ids: IdGenerator;
  /** Uploaded attachments that opinions and conclusions name (UploadAttachment first, then their ids). */
  attachments: AttachmentStore;
}

/** Each department's window lead (J5), asked once per department. */
export async function windowLeadsOf(
  deps: Pick<ReviewDeps, 'duty'>,
  tenant: string,
  departments: Iterable<string>,
): Promise<Map<string, string>> {
  const unique = [...new Set(departments)];
  const leads = await Promise.all(unique.map((d) => deps.duty.windowLead(tenant, d)));
  return new Map(unique.map((d, i) => [d, leads[i]!]));
}
