import type { ProjectState } from '../../api/types';

/** Tag colour of a project's state: blue while it runs, green done, grey closed. */
export const PROJECT_STATE_COLOR: Readonly<Record<ProjectState, string>> = {
  active: 'blue',
  completed: 'green',
  closed: 'default',
};

/** 1 万元 = 10 000 yuan = 1 000 000 fen. */
const FEN_PER_WAN = 1_000_000;

/** An amount entered in 万元 (two decimals at most) as integer fen. */
export function fenOfWan(wan: number): number {
  return Math.round(wan * FEN_PER_WAN);
}

/** Integer fen as a number of 万元 (for an input in 万元). */
export function wanOfFen(fen: number): number {
  return fen / FEN_PER_WAN;
}

/** Integer fen as 万元 for people ("1,200.50万元"); '未填写' for 0. */
export function wanText(fen: number): string {
  if (fen === 0) return '未填写';
  return `${wanOfFen(fen).toLocaleString('zh-CN', { maximumFractionDigits: 6 })}万元`;
}
