import type { Connection } from '@govhall/mongo';
import type { KpiSubjectLevel } from '../../domain/evaluation/kpi';

/** Where a record names its subject: its tenant, department, window and the staff username acting. */
export interface SubjectFields {
  tenant: string;
  department?: string;
  windowId?: string;
  username?: string;
}

/** The staff ids of a tenant's usernames (directory_staff): persons are scored by staff id, records name usernames. */
export async function staffIdsByUsername(connection: Connection, tenant: string): Promise<Map<string, string>> {
  const docs = await connection
    .collection('directory_staff')
    .find({ tenant }, { projection: { username: 1 } })
    .toArray();
  return new Map(docs.map((d) => [String(d.username), String(d._id)]));
}

/** The subject id of a record at a level; '' when the record does not name one. */
export function subjectKey(level: KpiSubjectLevel, r: SubjectFields, staffIds: Map<string, string>): string {
  switch (level) {
    case 'tenant':
      return r.tenant;
    case 'department':
      return r.department ?? '';
    case 'window':
      return r.windowId ?? '';
    case 'person':
      return r.username ? (staffIds.get(r.username) ?? '') : '';
  }
}
