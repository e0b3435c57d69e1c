import { supervisionV1 } from '@govhall/proto';
import { enumMapping } from '../../../../../lib/enum-map';

/* The scoring enums of govhall.supervision.v1 ⇄ their REST spellings. */
export const indicatorDirection = enumMapping(
  'supervision',
  'IndicatorDirection',
  supervisionV1.IndicatorDirection,
  'INDICATOR_DIRECTION_',
);
export const indicatorLoss = enumMapping(
  'supervision',
  'IndicatorLoss',
  supervisionV1.IndicatorLoss,
  'INDICATOR_LOSS_',
);
export const assessmentGrade = enumMapping(
  'supervision',
  'AssessmentGrade',
  supervisionV1.AssessmentGrade,
  'ASSESSMENT_GRADE_',
);
export const scoredLevel = enumMapping('supervision', 'ScoredLevel', supervisionV1.ScoredLevel, 'SCORED_LEVEL_');
