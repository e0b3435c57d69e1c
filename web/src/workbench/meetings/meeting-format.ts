import type { JointReview, JointTask, Meeting, Profile } from '../../api/types';

type Staff = NonNullable<Profile['staff']>;

/** Staff who work a department's joint-review tasks; with a department they read the meetings it is invited to. */
const DEPARTMENT_STAFF = ['window_clerk', 'reviewer', 'approver', 'department_head'];
/** Who states a department's position in a meeting (besides the center for it). */
const POSITION_ROLES = ['department_head', 'approver'];

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** An ISO timestamp as a datetime-local value in Beijing time ('2026-12-10T09:30'); '' for none. */
export function beijingInput(iso: string | undefined): string {
  if (!iso) return '';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '';
  return new Date(t + BEIJING_OFFSET_MS).toISOString().slice(0, 16);
}

/** A datetime-local value read as Beijing time, as an ISO timestamp; undefined when it is not one. */
export function isoOfBeijing(value: string | undefined): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return undefined;
  const t = Date.parse(`${value}:00+08:00`);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** Non-empty trimmed lines of a text area (reasons, conditions: one a line). */
export function lines(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** Names typed one after another (、，, or spaces) as a list. */
export function names(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[、，,;；\s]+/)
    .map((n) => n.trim())
    .filter((n) => n !== '');
}

const at = (m: Meeting) => (m.scheduledAt ? Date.parse(m.scheduledAt) : 0);
const open = (m: Meeting) => m.state === 'scheduled' || m.state === 'held';

/**
 * Meetings as people look for them: those still to be held or concluded first, the soonest first; then the
 * concluded and cancelled ones, the latest first.
 */
export function upcomingFirst(meetings: readonly Meeting[]): Meeting[] {
  return [...meetings].sort((a, b) => {
    if (open(a) !== open(b)) return open(a) ? -1 : 1;
    return open(a) ? at(a) - at(b) : at(b) - at(a);
  });
}

/** Whether the workbench shows 联审会议 to this member of staff (meeting_service.proto: who may read). */
export function mayReadMeetings(staff: Staff | undefined): boolean {
  if (!staff) return false;
  if (staff.roles.some((r) => r === 'center_admin' || r === 'supervisor')) return true;
  return !!staff.department && staff.roles.some((r) => DEPARTMENT_STAFF.includes(r));
}

/** Whether this member of staff convenes and chairs meetings (the center administrator). */
export function convenes(staff: Staff): boolean {
  return staff.roles.includes('center_admin');
}

export interface MeetingActs {
  reschedule: boolean;
  cancel: boolean;
  minutes: boolean;
  outcome: boolean;
  /** The departments whose position the caller may record (every invited one for the center). */
  positionFor: string[];
}

/** What the signed-in member of staff may do with the meeting now (as MeetingService decides it). */
export function meetingActs(staff: Staff, meeting: Meeting): MeetingActs {
  const center = convenes(staff) && staff.tenant === meeting.tenant;
  const scheduled = meeting.state === 'scheduled';
  const held = meeting.state === 'held';
  const invited = meeting.participants.map((p) => p.department);
  const ownPosition =
    !!staff.department &&
    staff.tenant === meeting.tenant &&
    invited.includes(staff.department) &&
    staff.roles.some((r) => POSITION_ROLES.includes(r));
  return {
    reschedule: center && scheduled,
    cancel: center && scheduled,
    minutes: center && (scheduled || held),
    outcome: center && held,
    positionFor: !held ? [] : center ? invited : ownPosition ? [staff.department!] : [],
  };
}

/** A review's tasks answered by this meeting's recorded positions (opinion source meeting, this meeting's id). */
export function answeredBy(meetingId: string, review: JointReview): JointTask[] {
  return review.tasks.filter((t) => t.opinion?.source === 'meeting' && t.opinion.meetingId === meetingId);
}
