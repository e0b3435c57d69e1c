import { enumSpelling, supervisionV1 } from '@govhall/proto';
import type { KpiFigures, KpiPeriodKind, KpiSubjectLevel } from '../../domain/evaluation/kpi';
import type { PublicStatisticsRow } from '../../domain/evaluation/public-statistics';

const pb = supervisionV1;

export const kpiLevel = enumSpelling(pb.KpiSubjectLevel, 'KPI_SUBJECT_LEVEL_');
export const kpiPeriodKind = enumSpelling(pb.KpiPeriodKind, 'KPI_PERIOD_KIND_');

/** A request enum: unspecified (or a number the enum lacks) is undefined, which the use case refuses by name. */
export const levelFromProto = (v: number): KpiSubjectLevel | undefined => kpiLevel.fromProto(v);
export const periodKindFromProto = (v: number): KpiPeriodKind | undefined => kpiPeriodKind.fromProto(v);

export function toProtoKpiFigures(f: KpiFigures): supervisionV1.KpiFigures {
  return {
    subject: { level: kpiLevel.toProto(f.subject.level), id: f.subject.id, tenant: f.subject.tenant },
    period: { kind: kpiPeriodKind.toProto(f.period.kind), key: f.period.key },
    counts: { ...f.counts },
    rates: { ...f.rates },
  };
}

export function toProtoPublicRow(r: PublicStatisticsRow): supervisionV1.PublicStatisticsRow {
  return { ...r };
}
