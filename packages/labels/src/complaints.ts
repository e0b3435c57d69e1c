/** The complaints service's codes (services/complaints; proto govhall.complaints.v1): ratings and rectifications. */
export type RectificationOutcomeCode = 'fixed' | 'fix_by_date' | 'explained' | 'appeal_mistaken' | 'appeal_malicious';

/** How the handler concludes a rectification (差评整改), as staff choose it: three close it, two appeal. */
export const RECTIFICATION_OUTCOME_NAMES: Readonly<Record<RectificationOutcomeCode, string>> = {
  fixed: '立行立改',
  fix_by_date: '限期整改',
  explained: '解释说明',
  appeal_mistaken: '申诉（误评）',
  appeal_malicious: '申诉（恶意差评）',
};

/**
 * How a rectification of a bad rating (差评整改) ended, in the words its rater is told (the portal's case, the
 * e-mail and SMS). An upheld appeal reads as the finding, not as an appeal.
 */
export const RECTIFICATION_OUTCOME_RATER_NAMES: Readonly<Record<RectificationOutcomeCode, string>> = {
  fixed: '已立行立改',
  fix_by_date: '限期整改',
  explained: '解释说明',
  appeal_mistaken: '经核查为误评',
  appeal_malicious: '经核查不属实',
};
