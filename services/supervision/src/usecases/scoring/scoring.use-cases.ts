import { getAnnualGradesUseCase } from './get-annual-grades/get-annual-grades.usecase';
import { getScoringStandardUseCase } from './get-scoring-standard/get-scoring-standard.usecase';
import { listScoringStandardVersionsUseCase } from './list-scoring-standard-versions/list-scoring-standard-versions.usecase';
import { renderQuarterlyAssessmentUseCase } from './render-quarterly-assessment/render-quarterly-assessment.usecase';
import { scoreSubjectsUseCase } from './score-subjects/score-subjects.usecase';
import type { ScoringDeps } from './scoring.ports';
import { setScoringStandardUseCase } from './set-scoring-standard/set-scoring-standard.usecase';

/** The scoring standard (S27), scores and annual grades (S25), built once from their ports. */
export function createScoringUseCases(deps: ScoringDeps) {
  return {
    getScoringStandard: getScoringStandardUseCase(deps),
    listScoringStandardVersions: listScoringStandardVersionsUseCase(deps),
    setScoringStandard: setScoringStandardUseCase(deps),
    scoreSubjects: scoreSubjectsUseCase(deps),
    getAnnualGrades: getAnnualGradesUseCase(deps),
    renderQuarterlyAssessment: renderQuarterlyAssessmentUseCase(deps),
  };
}

export type ScoringUseCases = ReturnType<typeof createScoringUseCases>;
