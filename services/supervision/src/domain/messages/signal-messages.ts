import { maskText } from '@govhall/identifiers';
import { MESSAGE_RELATION_NAMES, SIGNAL_LEVEL_NAMES } from '@govhall/labels';
import { atLeast, type SignalLevel } from '../signals/signal-level';

/** What a raised signal's messages are made from (the SignalRaised payload). */
export interface RaisedSignal {
  id: string;
  tenant: string;
  matterId: string;
  level: SignalLevel;
  reason: string;
  caseNumber: string;
  itemName: string;
  department: string;
  /** "<relation>:<username>" (S16), as recipients.ts records them. */
  notified: string[];
  raisedAt: Date;
}

/** A site message (站内消息) to one member of staff, in supervision's own store (ADR 0045). */
export interface StaffMessage {
  /** `<signal id>:<username>`: a redelivered SignalRaised maps to the same message. */
  id: string;
  tenant: string;
  username: string;
  relation: string;
  signalId: string;
  matterId: string;
  level: SignalLevel;
  title: string;
  text: string;
  createdAt: Date;
}

/** An e-mail to the supervision office's mailbox (派驻监察室, S16), for @govhall/notify's ledger. */
export interface OfficeEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  tenant: string;
  caseNumber: string;
}

const RELATION_WORDS: Readonly<Record<string, string>> = MESSAGE_RELATION_NAMES;

/** The free texts masked (an ID or phone number never passes); case numbers are kept as they are. */
function subjectOf(s: RaisedSignal): string {
  const item = maskText(s.itemName);
  const what = s.caseNumber ? `${item}（${s.caseNumber}）` : item;
  return `【${SIGNAL_LEVEL_NAMES[s.level]}】${what}`;
}

function body(s: RaisedSignal): string[] {
  return [
    `${subjectOf(s)}：${maskText(s.reason)}。`,
    s.department ? `责任部门：${s.department}。` : '',
    '请登录电子监察系统查看计时详情并及时处理。',
  ].filter(Boolean);
}

/**
 * One site message per recipient of the signal (each username once, with its first relation). The texts carry
 * what supervision knows of the matter; its free texts are masked all the same (never an ID or phone number).
 */
export function staffMessagesFor(s: RaisedSignal): StaffMessage[] {
  const seen = new Set<string>();
  const out: StaffMessage[] = [];
  for (const entry of s.notified) {
    const at = entry.indexOf(':');
    const relation = entry.slice(0, at);
    const username = entry.slice(at + 1);
    if (at < 1 || !username || seen.has(username)) continue;
    seen.add(username);
    out.push({
      id: `${s.id}:${username}`,
      tenant: s.tenant,
      username,
      relation,
      signalId: s.id,
      matterId: s.matterId,
      level: s.level,
      title: subjectOf(s),
      text: [...body(s), `您收到此消息，是因为您是该事项的${RELATION_WORDS[relation] ?? relation}。`].join('\n'),
      createdAt: s.raisedAt,
    });
  }
  return out;
}

/** The office's e-mail of a signal at or above `minLevel`; none without an address or below the level. */
export function officeEmailFor(
  s: RaisedSignal,
  office: { to: string; minLevel: SignalLevel },
): OfficeEmail | undefined {
  if (!office.to || !atLeast(s.level, office.minLevel)) return undefined;
  const recipients = s.notified.map((n) => {
    const [relation, username] = n.split(':');
    return `${RELATION_WORDS[relation ?? ''] ?? relation} ${username}`;
  });
  return {
    id: `${s.id}:email`,
    to: office.to,
    subject: `电子监察${subjectOf(s)}`,
    text: [...body(s), recipients.length ? `已通过站内消息告知：${recipients.join('、')}。` : '', `信号编号：${s.id}`]
      .filter(Boolean)
      .join('\n'),
    tenant: s.tenant,
    caseNumber: s.caseNumber,
  };
}
