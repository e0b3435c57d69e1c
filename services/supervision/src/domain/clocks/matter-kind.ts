/**
 * What a supervised matter is (S6): a case (办件) from the case stream, a 督办 order supervision issued itself
 * (S9), a leg of the joint-review service (ADR 0052: a co-department's review, an escalation's forwarding or
 * handling, a delegated case's transfer, department or reply; see LegKind), or a complaint (信访投诉) once the
 * complaints service publishes them (issue 15; no consumer yet).
 */
export type MatterKind = 'case' | 'complaint' | 'supervision_order' | 'joint_review_leg';

/** The kinds of a `joint_review_leg` matter (legs.proto LegKind, lower case without the prefix). */
export type LegKind =
  | 'co_review'
  | 'escalation_forward'
  | 'escalation_handling'
  | 'delegated_transfer'
  | 'delegated_department'
  | 'delegated_reply';

export const LEG_KINDS: readonly LegKind[] = [
  'co_review',
  'escalation_forward',
  'escalation_handling',
  'delegated_transfer',
  'delegated_department',
  'delegated_reply',
];

/** What each leg is called in its clock's explanation and its signals' reasons (legs.proto). */
export const LEG_KIND_NAMES: Readonly<Record<LegKind, string>> = {
  co_review: '协办审查',
  escalation_forward: '上报报送',
  escalation_handling: '上级办理',
  delegated_transfer: '代受理转办',
  delegated_department: '部门办理',
  delegated_reply: '中心答复',
};

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

/**
 * The words of a kind; a leg's name its leg kind (a leg matter stored before leg kinds were kept is a co-review's).
 */
export function kindWords(kind: MatterKind, legKind?: LegKind): MatterKindWords {
  if (kind !== 'joint_review_leg' || !legKind || legKind === 'co_review') return WORDS[kind];
  const limit = `${LEG_KIND_NAMES[legKind]}时限`;
  return { ...WORDS.joint_review_leg, promised: limit, statutory: limit };
}
