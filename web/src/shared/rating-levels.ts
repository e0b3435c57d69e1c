/** 好差评's five levels, 1 非常不满意 … 5 非常满意 (index + 1 is the level); 1 and 2 need a reason. */
export const RATING_LEVELS = ['非常不满意', '不满意', '基本满意', '满意', '非常满意'] as const;

/** The levels as choices, best first, as a rater reads them. */
export const ratingChoices = () => RATING_LEVELS.map((label, i) => ({ label, value: i + 1 })).reverse();

export const isBadLevel = (level: number | undefined): boolean => level !== undefined && level > 0 && level <= 2;

/** How a rating came in, as people say it (the portal's rating, the workbench's 满意度统计). */
export const RATING_CHANNELS: Readonly<Record<string, string>> = {
  online: '网上评价',
  device: '窗口评价器',
  default: '默认评价（逾期未评价）',
  phone_followup: '电话回访',
  suggestion_box: '意见箱',
};
