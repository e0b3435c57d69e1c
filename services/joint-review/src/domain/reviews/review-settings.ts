import type { LeadRule } from './joint-review';

/** Per-tenant settings of joint review (JointReviewSettings in the contract). */
export interface ReviewSettings {
  tenant: string;
  /** J9: a lead designated per item (篇一, the default) or the first receiving window (篇六 首办责任制). */
  leadRule: LeadRule;
  /** A co-department's budget when the item has no flow configured (1 … 60 working days). */
  defaultReviewWorkingDays: number;
  version: number;
}

export const DEFAULT_REVIEW_WORKING_DAYS = 5;

export function defaultReviewSettings(tenant: string): ReviewSettings {
  return { tenant, leadRule: 'designated_per_item', defaultReviewWorkingDays: DEFAULT_REVIEW_WORKING_DAYS, version: 0 };
}
