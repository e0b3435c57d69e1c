/**
 * What a supervised matter is (S6): a case (办件) from the case stream, a 督办 order supervision issued itself
 * (S9), a department's leg of a joint review (协办审查, ADR 0052: from the joint-review stream), or a complaint
 * (信访投诉) once the complaints service publishes them (issue 15; no consumer yet).
 */
export type MatterKind = 'case' | 'complaint' | 'supervision_order' | 'joint_review_leg';

/** How a kind's clocks are named in explanations and signal reasons. */
export interface MatterKindWords {
  /** The limit the promised clock measures. */
  promised: string;
  /** The limit the statutory clock measures. */
  statutory: string;
  /** What stops the promised clock. */
  promisedStop: string;
  /** Whether exceeding the statutory clock raises 红牌 (an order or a leg has one deadline only: 黄牌 past it). */
  redOnStatutory: boolean;
  /** What stops the statutory clock. */
  statutoryStop: string;
}

const WORDS: Record<MatterKind, MatterKindWords> = {
  case: {
    promised: '承诺办结时限',
    statutory: '法定办理时限',
    promisedStop: '办结',
    redOnStatutory: true,
    statutoryStop: '作出决定',
  },
  complaint: {
    promised: '投诉办理时限',
    statutory: '法定办理时限',
    promisedStop: '办结',
    redOnStatutory: true,
    statutoryStop: '作出决定',
  },
  supervision_order: {
    promised: '督办办理期限',
    statutory: '督办办理期限',
    promisedStop: '答复',
    redOnStatutory: false,
    statutoryStop: '答复',
  },
  joint_review_leg: {
    promised: '协办审查时限',
    statutory: '协办审查时限',
    promisedStop: '结束',
    redOnStatutory: false,
    statutoryStop: '结束',
  },
};

export function kindWords(kind: MatterKind): MatterKindWords {
  return WORDS[kind];
}
