import type { Grade, ScoringStandard } from './types';

type Indicator = ScoringStandard['indicators'][number];

/** What a supervisor reads for the scoring codes (the service's domain/evaluation/scoring names). */
export const GRADE_NAMES: Record<Grade, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };
export const GRADE_COLORS: Record<Grade, string> = { excellent: 'green', good: 'blue', pass: 'default', fail: 'red' };

export const MEASURE_NAMES: Record<Indicator['measure'], string> = {
  onTimeRate: '按时办结率',
  earlyRate: '提前办结率',
  averageWorkingDays: '平均办理天数',
  averageVsPromised: '实际用时占承诺时限比',
  compressionRatio: '承诺时限压缩率',
  immediateShare: '即办件占比',
  onlineShare: '网上申办率',
  averageVisits: '平均跑动次数',
  satisfactionRate: '满意率',
  rectificationRate: '差评整改率',
  complaintReplyTimeliness: '投诉按时答复率',
  warnings: '预警次数',
  yellowCards: '黄牌次数',
  redCards: '红牌次数',
  badRatings: '差评件数',
  complaints: '投诉件数',
};

export const DIRECTION_NAMES: Record<Indicator['direction'], string> = {
  higher_better: '越高越好',
  lower_better: '越低越好',
};
export const LOSS_NAMES: Record<Indicator['loss'], string> = { linear: '按差距扣分', per_item: '按件扣分' };
export const LEVEL_NAMES = { department: '部门', window: '窗口', person: '个人', tenant: '中心' } as const;
