import { useState } from 'react';
import { Link } from 'react-router';
import { Form, Tag, type TableColumnType, type TableColumnsType } from 'antd';
import { api, call } from '../../shared/api';
import type { Escalation, EscalationState, Profile } from '../../api/types';
import { NativeSelect } from '../../admin/org/NativeSelect';
import { usePaged, type Loaded } from '../../shared/states';
import { PagedTable, pageQuery } from '../../shared/paged-table';
import { StaffPage } from '../staff-page';
import { ESCALATION_STATE, ESCALATION_STATE_COLOR, legDueDate, transferErrorText } from './escalation-format';

type Staff = NonNullable<Profile['staff']>;
type Side = 'sender' | 'receiver';

/** Staff other than the center and supervisors list their own department's records only. */
const departmentOf = (staff: Staff) =>
  staff.roles.some((r) => r === 'center_admin' || r === 'supervisor') ? undefined : staff.department;

const STATES = Object.keys(ESCALATION_STATE) as EscalationState[];

const caseNumberColumn: TableColumnType<Escalation> = {
  title: '办件编号',
  key: 'caseNumber',
  render: (_v, e) => <Link to={`/escalation/${e.id}`}>{e.case.caseNumber}</Link>,
};
const itemNameColumn: TableColumnType<Escalation> = {
  title: '事项名称',
  key: 'item',
  render: (_v, e) => e.case.itemName,
};
const stateColumn: TableColumnType<Escalation> = {
  title: '状态',
  dataIndex: 'state',
  render: (s: EscalationState) => <Tag color={ESCALATION_STATE_COLOR[s]}>{ESCALATION_STATE[s]}</Tag>,
};
const promisedColumn: TableColumnType<Escalation> = {
  title: '承诺办结日期',
  key: 'promised',
  render: (_v, e) => e.case.promisedDueDate || '—',
};
const legDueColumn = (title: string): TableColumnType<Escalation> => ({
  title,
  key: 'leg',
  render: (_v, e) => legDueDate(e) ?? '—',
});

/** The lower center's follow-ups: where each went and whether its transfer failed. */
const SENDER_COLUMNS: TableColumnsType<Escalation> = [
  caseNumberColumn,
  itemNameColumn,
  { title: '上级办理部门', key: 'target', render: (_v, e) => e.targetDepartment || '报送时确定' },
  stateColumn,
  promisedColumn,
  legDueColumn('报送到期日'),
  {
    title: '报送异常',
    key: 'transferError',
    render: (_v, e) => (e.transferError ? transferErrorText(e.transferError) : '—'),
  },
];

/** The parent center's received cases: which center sent each. */
const RECEIVER_COLUMNS: TableColumnsType<Escalation> = [
  caseNumberColumn,
  itemNameColumn,
  { title: '报送中心', key: 'source', render: (_v, e) => e.case.sourceCenterName },
  stateColumn,
  promisedColumn,
  legDueColumn('办理到期日'),
];

/** What the two sides' lists differ in besides their request: the page, the unfiltered list's wording, the order. */
const SIDES: Record<
  Side,
  { title: string; extra: string; unfiltered: string; earliest: string; columns: TableColumnsType<Escalation> }
> = {
  sender: {
    title: '上报件跟踪',
    extra: '本中心报送上级办理的上报件：报送、补充材料、跟踪上级的办理进展直至办结。',
    unfiltered: '在办的（未办结、未撤回）',
    earliest: '承诺办结日期',
    columns: SENDER_COLUMNS,
  },
  receiver: {
    title: '上级办理',
    extra: '下级中心报送本部门办理的上报件：退回补充、报告进展、作出决定。',
    unfiltered: '待办的（报送中、办理中、退回补充）',
    earliest: '办件到期日',
    columns: RECEIVER_COLUMNS,
  },
};

function EscalationTable({ staff, side }: { staff: Staff; side: Side }) {
  const [state, setState] = useState<EscalationState | ''>('');
  const department = departmentOf(staff);
  const paged = usePaged<Escalation>(
    (pageToken) => {
      const query = pageQuery({ department, state }, pageToken);
      const list =
        side === 'sender'
          ? api.GET('/api/v1/joint-review/escalations/follow-ups', { params: { query } })
          : api.GET('/api/v1/joint-review/escalations/received', { params: { query } });
      return call(list).then((r) => ({ items: r.escalations, total: r.total, nextPageToken: r.nextPageToken }));
    },
    [side, state, department],
  );
  const filter = (
    <Form layout="inline" style={{ marginBottom: 16 }}>
      <Form.Item label="状态" htmlFor={`escalation-state-${side}`}>
        <NativeSelect
          id={`escalation-state-${side}`}
          value={state}
          onChange={(ev) => setState(ev.target.value as EscalationState | '')}
          placeholder={SIDES[side].unfiltered}
          choices={STATES.map((s) => ({ value: s, label: ESCALATION_STATE[s] }))}
        />
      </Form.Item>
    </Form>
  );
  return (
    <PagedTable<Escalation>
      paged={paged}
      filter={filter}
      loadingText="正在读取上报件…"
      emptyText="暂无上报件"
      summary={(total) => (
        <>
          共 {total} 件，{SIDES[side].earliest}早的在前。
        </>
      )}
      scrollX={960}
      columns={SIDES[side].columns}
    />
  );
}

/** A list page of one side. */
function EscalationList({ me, side }: { me: Loaded<Profile | undefined>; side: Side }) {
  const { title, extra } = SIDES[side];
  return (
    <StaffPage title={title} extra={extra} me={me} notStaff={`${title}仅限工作人员。`}>
      {(staff) => <EscalationTable staff={staff} side={side} />}
    </StaffPage>
  );
}

/** 上报件跟踪 (J4): the lower center's escalated cases with the parent's status mirrored. */
export const FollowUps = ({ me }: { me: Loaded<Profile | undefined> }) => <EscalationList me={me} side="sender" />;

/** 上级办理 (J3): the escalated cases the parent center received from its lower centers. */
export const Received = ({ me }: { me: Loaded<Profile | undefined> }) => <EscalationList me={me} side="receiver" />;
