import type { Project } from '../../api/types';

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

/** Who the caller is, as far as the project's acts go. */
interface Caller {
  username: string;
  tenant: string;
  roles: readonly string[];
}

/** The acts on a project the page offers the caller (the joint-review service decides them again). */
export interface ProjectActs {
  /** 修改项目信息, 关联办件, 移出办件: the 代办员 or the center, while the project runs. */
  edit: boolean;
  cases: boolean;
  /** 指定/更换代办员 and 结束项目: the center only, while the project runs. */
  assign: boolean;
  close: boolean;
}

export function projectActs(caller: Caller, p: Pick<Project, 'tenant' | 'state' | 'agent'>): ProjectActs {
  const active = p.state === 'active';
  const center = caller.roles.includes('center_admin') && caller.tenant === p.tenant;
  const agent = !!p.agent && p.agent.username === caller.username;
  const writer = active && (center || agent);
  return { edit: writer, cases: writer, assign: active && center, close: active && center };
}
