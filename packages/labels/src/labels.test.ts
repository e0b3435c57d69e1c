import {
  ACCOUNTABILITY_STATE_NAMES,
  CASE_STATUS_NAMES,
  CLOCK_STATE_NAMES,
  ITEM_KIND_NAMES,
  ITEM_KINDS,
  MESSAGE_RELATION_NAMES,
  ORDER_STATE_NAMES,
  ORDER_TARGET_KIND_NAMES,
  QUEUE_KIND_NAMES,
  RECTIFICATION_OUTCOME_NAMES,
  RECTIFICATION_OUTCOME_RATER_NAMES,
  ROLE_NAMES,
  SANCTION_NAMES,
  SIGNAL_LEVEL_NAMES,
  VIOLATION_STATE_NAMES,
} from './index';

describe('labels', () => {
  it('names every code once, in Chinese', () => {
    for (const names of [
      CASE_STATUS_NAMES,
      QUEUE_KIND_NAMES,
      RECTIFICATION_OUTCOME_NAMES,
      RECTIFICATION_OUTCOME_RATER_NAMES,
      ROLE_NAMES,
      ITEM_KIND_NAMES,
      SIGNAL_LEVEL_NAMES,
      VIOLATION_STATE_NAMES,
      SANCTION_NAMES,
      ACCOUNTABILITY_STATE_NAMES,
      CLOCK_STATE_NAMES,
      ORDER_STATE_NAMES,
      ORDER_TARGET_KIND_NAMES,
      MESSAGE_RELATION_NAMES,
    ]) {
      for (const name of Object.values(names)) expect(name).toMatch(/^[\u3400-\u9fff（）、]+$/);
      // Two codes with one name could not be told apart by the person reading them.
      expect(new Set(Object.values(names)).size).toBe(Object.values(names).length);
    }
  });

  it('keeps the item kinds in their official order', () => {
    expect(ITEM_KINDS.map(([code]) => code)).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
      '20',
    ]);
    expect(ITEM_KIND_NAMES['20']).toBe('公共服务');
  });
});
