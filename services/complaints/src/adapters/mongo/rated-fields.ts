/**
 * The fields a rating and its rectification both store: the rated service (tenant, case or visit, item, department,
 * window) and the rating as given (level, reason, channel, whether by name, the rater masked, when).
 */
export const ratedServiceFields = {
  tenant: { type: String, required: true },
  subject: { type: String, required: true },
  caseId: { type: String, default: '' },
  caseNumber: { type: String, default: '' },
  visitId: { type: String, default: '' },
  itemName: { type: String, default: '' },
  department: { type: String, default: '' },
  windowId: { type: String, default: '' },
} as const;

export const givenRatingFields = {
  level: { type: Number, required: true },
  reason: { type: String, default: '' },
  channel: { type: String, required: true },
  realName: { type: Boolean, required: true },
  raterName: { type: String, default: '' },
  ratedAt: { type: Date, required: true },
} as const;
