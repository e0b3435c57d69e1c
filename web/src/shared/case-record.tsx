import { Steps, Tag, Timeline, Typography } from 'antd';
import type { Case } from '../api/types';
import { dateTime } from './format';
import { actorOf } from './case-actor';
import { CASE_STATUS } from './labels';

const STEP_STATUS = { pending: 'wait', active: 'process', done: 'finish', skipped: 'wait' } as const;

/** The case's history, newest first; staff see who acted. */
export function CaseHistory({ c, actors = false }: { c: Case; actors?: boolean }) {
  return (
    <Timeline
      items={[...c.history].reverse().map((h, i) => ({
        key: i,
        children: (
          <>
            <div>
              {h.action}
              {h.toStatus ? <Tag style={{ marginLeft: 8 }}>{CASE_STATUS[h.toStatus]}</Tag> : null}
            </div>
            <Typography.Text type="secondary">
              {dateTime(h.at)}
              {actors ? ` ${actorOf(h)}` : ''}
            </Typography.Text>
            {h.reason ? <div>{h.reason}</div> : null}
          </>
        ),
      }))}
    />
  );
}

/** The case's handling steps; staff also see who handled each and the opinion given. */
export function CaseSteps({ c, staff = false }: { c: Case; staff?: boolean }) {
  return (
    <Steps
      direction="vertical"
      size="small"
      items={c.steps.map((s) => ({
        title: s.name,
        status: STEP_STATUS[s.state],
        description: [
          staff && s.state === 'active' ? '在办' : '',
          s.dueDate ? `${staff ? '环节期限' : '期限'} ${s.dueDate}` : '',
          staff && s.handledBy ? `办理人 ${s.handledBy}` : '',
          s.finishedAt ? `完成于 ${dateTime(s.finishedAt)}` : '',
          staff && s.opinion ? `意见：${s.opinion}` : '',
        ]
          .filter(Boolean)
          .join(staff ? '；' : '，'),
      }))}
    />
  );
}
