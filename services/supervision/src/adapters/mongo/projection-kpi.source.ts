import type { Connection } from '@govhall/mongo';
import type { KpiFigures, KpiPeriod, KpiSubjectLevel } from '../../domain/evaluation/kpi';
import type { KpiSource } from '../../usecases/scoring/scoring.ports';
import { staffIdsByUsername } from './scoring-subject-keys';

/**
 * The scoring's KPI figures read from the KPI projection (the figures ListKpis answers, ADR 0040): a person, kept
 * by username in the projection, is scored by staff id (directory_staff); a username without a staff id is left out.
 */
export class ProjectionKpiSource implements KpiSource {
  constructor(
    private readonly connection: Connection,
    private readonly read: (tenant: string, level: KpiSubjectLevel, period: KpiPeriod) => Promise<KpiFigures[]>,
  ) {}

  async figures(tenant: string, level: KpiSubjectLevel, period: KpiPeriod): Promise<KpiFigures[]> {
    const figures = await this.read(tenant, level, period);
    if (level !== 'person') return figures;
    const staffIds = await staffIdsByUsername(this.connection, tenant);
    return figures.flatMap((f) => {
      const id = staffIds.get(f.subject.id);
      return id ? [{ ...f, subject: { ...f.subject, id } }] : [];
    });
  }
}
