import { supervisionV1 } from '@govhall/proto';
import { enumMapping } from '../../../../../lib/enum-map';

/* The evaluation enums of govhall.supervision.v1 ⇄ their REST spellings. */
export const kpiLevel = enumMapping(
  'supervision',
  'KpiSubjectLevel',
  supervisionV1.KpiSubjectLevel,
  'KPI_SUBJECT_LEVEL_',
);
export const kpiPeriodKind = enumMapping(
  'supervision',
  'KpiPeriodKind',
  supervisionV1.KpiPeriodKind,
  'KPI_PERIOD_KIND_',
);
