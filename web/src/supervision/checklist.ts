/** The daily inspection's standard checklist (S18: 八条禁令, dress, badge, on post, order of the hall). */
export const CHECKLIST = [
  { code: 'on_post', label: '按时在岗，不擅离岗位' },
  { code: 'uniform', label: '着装规范' },
  { code: 'badge', label: '佩戴工作牌' },
  { code: 'eight_prohibitions.smoking', label: '不在窗口吸烟' },
  { code: 'eight_prohibitions.eating', label: '不在窗口吃零食' },
  { code: 'eight_prohibitions.games', label: '不玩游戏、不看与工作无关的内容' },
  { code: 'eight_prohibitions.chatting', label: '不串岗聊天' },
  { code: 'attitude', label: '服务态度文明' },
  { code: 'desk_tidy', label: '窗口整洁' },
] as const;

export interface ChecklistAnswer {
  code: string;
  label: string;
  passed: boolean;
  note?: string;
}

/**
 * The checklist as the API takes it, from the form's answers: every entry, a note only when written; a failed
 * entry must say what was found (it becomes a violation's evidence). Gives the codes of failed entries without one.
 */
export function checklistBody(answers: Record<string, { passed?: boolean; note?: string } | undefined>): {
  checklist: ChecklistAnswer[];
  missingNotes: string[];
} {
  const checklist = CHECKLIST.map(({ code, label }) => {
    const a = answers[code];
    const note = a?.note?.trim();
    return { code, label, passed: a?.passed ?? true, ...(note ? { note } : {}) };
  });
  return { checklist, missingNotes: checklist.filter((c) => !c.passed && !c.note).map((c) => c.code) };
}
