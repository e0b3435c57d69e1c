import type { supervisionV1 } from '@govhall/proto';
import { sanction, violationKind } from '../supervision.enums';
import { assessmentGrade, indicatorDirection, indicatorLoss, scoredLevel } from './scoring.enums';
import type { Measure, StandardBody } from './scoring.schemas';

export function standardToProto(b: StandardBody): supervisionV1.ScoringStandard {
  return {
    tenant: b.tenant,
    version: b.version,
    effectiveFrom: b.effectiveFrom,
    indicators: b.indicators.map((i) => ({
      ...i,
      direction: indicatorDirection.proto(i.direction),
      loss: indicatorLoss.proto(i.loss),
    })),
    violationDeductions: b.violationDeductions.map((d) => ({ kind: violationKind.proto(d.kind), points: d.points })),
    sanctionDeductions: b.sanctionDeductions.map((d) => ({ sanction: sanction.proto(d.sanction), points: d.points })),
    bands: b.bands,
    excellentQuotaPercent: b.excellentQuotaPercent,
    updatedBy: '',
    updatedAt: undefined,
  };
}

export function standardToRest(s: supervisionV1.ScoringStandard) {
  return {
    tenant: s.tenant,
    version: s.version,
    effectiveFrom: s.effectiveFrom,
    indicators: s.indicators.map((i) => ({
      ...i,
      // The service answers only the keys it validated on save.
      measure: i.measure as Measure,
      direction: indicatorDirection.rest(i.direction),
      loss: indicatorLoss.rest(i.loss),
    })),
    violationDeductions: s.violationDeductions.map((d) => ({ kind: violationKind.rest(d.kind), points: d.points })),
    sanctionDeductions: s.sanctionDeductions.map((d) => ({ sanction: sanction.rest(d.sanction), points: d.points })),
    bands: s.bands ?? { excellent: 0, good: 0, pass: 0 },
    excellentQuotaPercent: s.excellentQuotaPercent,
    updatedBy: s.updatedBy || undefined,
    updatedAt: s.updatedAt?.toISOString(),
  };
}

export function scoreToRest(s: supervisionV1.SubjectScore) {
  return {
    ...s,
    level: scoredLevel.rest(s.level),
    grade: assessmentGrade.rest(s.grade),
    indicators: s.indicators.map((i) => ({ ...i, value: i.value })),
  };
}

export function annualToRest(r: supervisionV1.GetAnnualGradesResponse) {
  return {
    ...r,
    grades: r.grades.map((g) => ({
      ...g,
      bandGrade: assessmentGrade.rest(g.bandGrade),
      grade: assessmentGrade.rest(g.grade),
    })),
  };
}
