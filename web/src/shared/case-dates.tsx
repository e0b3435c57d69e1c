import { Tag } from 'antd';
import type { CaseStatus } from '../api/types';
import { CASE_STATUS, CASE_STATUS_COLOR } from './labels';

const day = (d?: string) => d ?? '—';

/** A project's case in a table: its status as a tag, then the days it was received, is due and was completed. */
export const caseStatusColumn = {
  title: '状态',
  dataIndex: 'status',
  render: (s: CaseStatus) => <Tag color={CASE_STATUS_COLOR[s]}>{CASE_STATUS[s]}</Tag>,
};
export const caseDateColumns = [
  { title: '收件日期', dataIndex: 'receivedDate', render: day },
  { title: '承诺办结日期', dataIndex: 'dueDate', render: day },
  { title: '办结日期', dataIndex: 'completedDate', render: day },
];
