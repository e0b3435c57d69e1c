import { createHash } from 'node:crypto';
import { hasAnyRole, type Principal } from '@govhall/auth';
import { ConflictError, ForbiddenError } from '@govhall/errors';
import { conveneMeeting, type AgendaReviewFacts, type ConveneInput, type Meeting } from '../../domain/meetings/meeting';
import { participatingDepartments } from '../../domain/reviews/joint-review';
import { centerOnly } from '../meetings/meeting.access';
import type { MeetingDeps } from '../meetings/meeting.ports';

/** What the center asks for; the tenant is the caller's when empty. */
export type ConveneMeetingRequest = Pick<
  ConveneInput,
  'requestId' | 'tenant' | 'kind' | 'subject' | 'scheduledAt' | 'location' | 'agenda' | 'departments' | 'projectId'
>;

/** What a repeat of the request must ask for again (the idempotency key's request). */
function fingerprint(r: ConveneMeetingRequest, tenant: string): string {
  const asked = [
    tenant,
    r.kind,
    r.subject,
    r.scheduledAt?.toISOString(),
    r.location,
    r.agenda,
    r.departments,
    r.projectId,
  ];
  return createHash('sha256').update(JSON.stringify(asked)).digest('hex');
}

function sameOrReused(meeting: Meeting, asked: string): Meeting {
  if (meeting.requestFingerprint === asked) return meeting;
  throw new ConflictError('IDEMPOTENCY_KEY_REUSED', '该请求编号已用于另一次会议召集，请使用新的请求编号');
}

/**
 * The center (center_admin of the tenant) convenes a joint meeting (J10). A case review meeting's agenda names open
 * joint reviews of the tenant, whose departments (the lead and every co-department) are all invited; the departments
 * named besides must be the tenant's. The same request id again answers the first meeting.
 */
export function conveneMeetingUseCase(deps: Pick<MeetingDeps, 'meetings' | 'reviews' | 'duty' | 'clock' | 'ids'>) {
  return async (request: ConveneMeetingRequest, actor: Principal): Promise<Meeting> => {
    if (actor.kind !== 'user' || !hasAnyRole(actor, ['center_admin'])) throw centerOnly();
    const tenant = request.tenant || actor.tenant;
    if (tenant !== actor.tenant) throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '只能召集本地区的联审会议');
    const asked = fingerprint(request, tenant);
    const earlier = request.requestId ? await deps.meetings.findByRequest(tenant, request.requestId) : null;
    if (earlier) return sameOrReused(earlier, asked);

    const reviewIds = [...new Set(request.agenda.map((a) => a.reviewId).filter(Boolean))];
    const found = await Promise.all(reviewIds.map((id) => deps.reviews.findById(id)));
    const reviews = new Map<string, AgendaReviewFacts | null>(
      reviewIds.map((id, i) => {
        const r = found[i];
        const facts =
          r && r.tenant === tenant
            ? { state: r.state, caseNumber: r.caseNumber, departments: [...participatingDepartments(r)] }
            : null;
        return [id, facts];
      }),
    );
    const named = [...new Set(request.departments.filter((d) => d.trim() !== ''))];
    const known = await Promise.all(named.map((d) => deps.duty.hasDepartment(tenant, d)));
    const knownDepartments = new Set(named.filter((_, i) => known[i]));

    const change = conveneMeeting({
      ...request,
      id: deps.ids.newId(),
      tenant,
      reviews,
      departmentKnown: (d) => knownDepartments.has(d),
      by: actor.username,
      at: deps.clock.now(),
    });
    const meeting = { ...change.meeting, requestFingerprint: asked };
    const events = change.events.map((e) => ({ ...e, meeting }));
    const stored = await deps.meetings.insert(meeting, events, actor);
    return stored.created ? stored.meeting : sameOrReused(stored.meeting, asked);
  };
}
