import { supervisionV1 } from '@govhall/proto';
import { enumMapping } from '../../../../../lib/enum-map';

/* 督办 order enums of govhall.supervision.v1 ⇄ their REST spellings (lower_snake without the prefix). */
export const orderState = enumMapping('supervision', 'OrderState', supervisionV1.OrderState, 'ORDER_STATE_');
export const orderTargetKind = enumMapping(
  'supervision',
  'OrderTargetKind',
  supervisionV1.OrderTargetKind,
  'ORDER_TARGET_KIND_',
);
