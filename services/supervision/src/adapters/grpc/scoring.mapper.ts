import { enumSpelling, supervisionV1 } from '@govhall/proto';
import type { KpiSubjectLevel } from '../../domain/evaluation/kpi';
import type { AnnualGrade } from '../../domain/evaluation/scoring/annual-grades';
import type { Grade } from '../../domain/evaluation/scoring/grade';
import type { SubjectScore } from '../../domain/evaluation/scoring/score-subject';
import type { Direction, Indicator, LossRule, ScoringStandard } from '../../domain/evaluation/scoring/scoring-standard';
import type { SetStandardInput } from '../../usecases/scoring/set-scoring-standard/set-scoring-standard.usecase';
import type { TenantAnnualGrades } from '../../usecases/scoring/get-annual-grades/get-annual-grades.usecase';
import type { StandardVersionSummary } from '../../usecases/scoring/list-scoring-standard-versions/list-scoring-standard-versions.usecase';
import { sanction } from './accountability.mapper';
import { violationKind } from './violation.mapper';

const pb = supervisionV1;
const direction = enumSpelling(pb.IndicatorDirection, 'INDICATOR_DIRECTION_');
const loss = enumSpelling(pb.IndicatorLoss, 'INDICATOR_LOSS_');
const grade = enumSpelling(pb.AssessmentGrade, 'ASSESSMENT_GRADE_');
export const scoredLevel = enumSpelling(pb.ScoredLevel, 'SCORED_LEVEL_');

/** A request's standard; an unspecified or unknown enum stays undefined and is refused at its field. */
export function fromProtoStandard(s: supervisionV1.ScoringStandard | undefined): SetStandardInput {
  return {
    tenant: s?.tenant ?? '',
    version: s?.version ?? 0,
    effectiveFrom: s?.effectiveFrom ?? '',
    indicators: (s?.indicators ?? []).map((i): Indicator => ({
      code: i.code,
      name: i.name,
      measure: i.measure as Indicator['measure'],
      direction: direction.fromProto(i.direction) as Direction,
      target: i.target,
      fullMarks: i.fullMarks,
      loss: loss.fromProto(i.loss) as LossRule,
      pointsPerUnit: i.pointsPerUnit,
      floor: i.floor,
    })),
    violationDeductions: (s?.violationDeductions ?? []).map((d) => ({
      kind: violationKind.fromProto(d.kind) as never,
      points: d.points,
    })),
    sanctionDeductions: (s?.sanctionDeductions ?? []).map((d) => ({
      sanction: sanction.fromProto(d.sanction) as never,
      points: d.points,
    })),
    bands: { excellent: s?.bands?.excellent ?? 0, good: s?.bands?.good ?? 0, pass: s?.bands?.pass ?? 0 },
    excellentQuotaPercent: s?.excellentQuotaPercent ?? 0,
  };
}

export function toProtoStandard(s: ScoringStandard): supervisionV1.ScoringStandard {
  return {
    tenant: s.tenant,
    version: s.version,
    effectiveFrom: s.effectiveFrom,
    indicators: s.indicators.map((i) => ({
      ...i,
      direction: direction.toProto(i.direction),
      loss: loss.toProto(i.loss),
    })),
    violationDeductions: s.violationDeductions.map((d) => ({ kind: violationKind.toProto(d.kind), points: d.points })),
    sanctionDeductions: s.sanctionDeductions.map((d) => ({ sanction: sanction.toProto(d.sanction), points: d.points })),
    bands: { ...s.bands },
    excellentQuotaPercent: s.excellentQuotaPercent,
    updatedBy: s.updatedBy,
    updatedAt: s.updatedAt,
  };
}

export function toProtoVersion(v: StandardVersionSummary): supervisionV1.ScoringStandardVersion {
  return { version: v.version, effectiveFrom: v.effectiveFrom, updatedBy: v.updatedBy, updatedAt: v.updatedAt };
}

export function toProtoScore(s: SubjectScore): supervisionV1.SubjectScore {
  return {
    level: scoredLevel.toProto(s.subject.level),
    subjectId: s.subject.id,
    period: s.period.key,
    indicators: s.indicators.map((i) => ({ ...i })),
    deductions: s.deductions.map((d) => ({ ...d })),
    indicatorPoints: s.indicatorPoints,
    deductionPoints: s.deductionPoints,
    total: s.total,
    grade: grade.toProto(s.grade),
    barredFromExcellent: s.barredFromExcellent,
  };
}

function toProtoAnnualGrade(g: AnnualGrade): supervisionV1.AnnualGrade {
  return {
    personId: g.personId,
    department: g.department,
    score: g.score,
    rank: g.rank,
    bandGrade: grade.toProto(g.bandGrade satisfies Grade),
    grade: grade.toProto(g.grade),
    excellentBasis: g.excellentBasis,
    outsideHomeUnitQuota: g.outsideHomeUnitQuota,
    barredFromExcellent: g.barredFromExcellent,
    note: g.note,
  };
}

export function toProtoAnnualGrades(r: TenantAnnualGrades): supervisionV1.GetAnnualGradesResponse {
  return {
    year: r.year,
    standardVersion: r.standardVersion,
    total: r.total,
    quotaPercent: r.quotaPercent,
    quotaRequired: r.quotaRequired,
    excellent: r.excellent,
    shortfall: r.shortfall,
    grades: r.grades.map(toProtoAnnualGrade),
    homeUnits: r.homeUnits.map((h) => ({ ...h })),
  };
}

export function levelFromProto(value: number): KpiSubjectLevel | undefined {
  return scoredLevel.fromProto(value);
}
