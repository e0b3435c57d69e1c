import { StaffInbox } from '../shared/staff-inbox';

/** A message's matter in the workbench: an order (ord-…, ADR 0044) opens to be answered, a case opens as a case. */
const linkOf = (matterId: string) => (matterId.startsWith('ord-') ? `/orders/${matterId}` : `/cases/${matterId}`);

/** 消息: what supervision told this member of staff (ADR 0045). */
export default function Inbox() {
  return <StaffInbox linkOf={linkOf} />;
}
