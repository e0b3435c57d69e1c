import { useState } from 'react';
import { Link } from 'react-router';
import { Form, Tag } from 'antd';
import { api, call } from '../../shared/api';
import type { Profile } from '../../api/types';
import { chinaToday } from '../../admin/org/calendar-grid';
import { NativeSelect } from '../../admin/org/NativeSelect';
import { useLoad, usePaged, type Loaded } from '../../shared/states';
import { PagedTable, pageQuery } from '../../shared/paged-table';
import { StaffPage } from '../staff-page';
import {
  DELEGATED_STATE,
  DELEGATED_STATE_COLOR,
  legKindText,
  dueText,
  runningLeg,
  seesAll,
  type DelegatedCase,
  type DelegatedCaseState,
} from './delegation-format';
import { codesOnly, namesOf, type Names } from './delegation-directory';

type Staff = NonNullable<Profile['staff']>;
const STATES = Object.keys(DELEGATED_STATE) as DelegatedCaseState[];

/** The running leg's kind, due date and days left (— once no clock runs). */
export function LegDue({ d, today }: { d: DelegatedCase; today: string }) {
  const leg = runningLeg(d);
  if (!leg) return <>—</>;
  const due = dueText(leg.dueDate, today);
  return (
    <>
      <span style={{ whiteSpace: 'nowrap' }}>
        {legKindText(leg.kind)}：{leg.dueDate}
      </span>
      {due ? (
        <Tag color={due.color} style={{ marginLeft: 4 }}>
          {due.text}
        </Tag>
      ) : null}
    </>
  );
}

function DelegatedTable({ staff }: { staff: Staff }) {
  const [state, setState] = useState<DelegatedCaseState | ''>('');
  const [department, setDepartment] = useState('');
  const all = seesAll(staff);
  const names = useLoad(() => namesOf(staff.tenant), [staff.tenant]);
  const departments = useLoad(
    () =>
      all
        ? call(api.GET('/api/v1/identity/tenants/{code}/departments', { params: { path: { code: staff.tenant } } }))
        : Promise.resolve(undefined),
    [all, staff.tenant],
  );
  const paged = usePaged<DelegatedCase>(
    (pageToken) =>
      call(
        api.GET('/api/v1/joint-review/delegation/cases', {
          params: { query: pageQuery({ state, department: all ? department : '' }, pageToken) },
        }),
      ).then((r) => ({ items: r.delegatedCases, total: r.total, nextPageToken: r.nextPageToken })),
    [state, department, all],
  );
  const n: Names = names.data ?? codesOnly;
  const today = chinaToday();
  const filter = (
    <Form layout="inline" style={{ marginBottom: 16 }}>
      <Form.Item label="状态" htmlFor="delegated-state">
        <NativeSelect
          id="delegated-state"
          value={state}
          onChange={(ev) => setState(ev.target.value as DelegatedCaseState | '')}
          placeholder="在办的（待转办、部门办理中、待回复）"
          choices={STATES.map((s) => ({ value: s, label: DELEGATED_STATE[s] }))}
        />
      </Form.Item>
      {all ? (
        <Form.Item label="委托部门" htmlFor="delegated-department">
          <NativeSelect
            id="delegated-department"
            value={department}
            onChange={(ev) => setDepartment(ev.target.value)}
            placeholder="全部部门"
            choices={(departments.data?.departments ?? []).map((d) => ({ value: d.code, label: d.name }))}
          />
        </Form.Item>
      ) : null}
    </Form>
  );
  return (
    <PagedTable<DelegatedCase>
      paged={paged}
      filter={filter}
      loadingText="正在读取代受理件…"
      emptyText="暂无代受理件"
      summary={(total) => <>共 {total} 件，环节到期日早的在前。</>}
      scrollX={960}
      columns={[
        {
          title: '办件编号',
          key: 'caseNumber',
          render: (_v, d) => <Link to={`/delegated/${d.id}`}>{d.caseNumber}</Link>,
        },
        { title: '事项名称', dataIndex: 'itemName' },
        { title: '委托部门', key: 'department', render: (_v, d) => n.department(d.department) },
        { title: '受理窗口', key: 'window', render: (_v, d) => n.window(d.windowId) },
        {
          title: '状态',
          dataIndex: 'state',
          render: (s: DelegatedCaseState) => <Tag color={DELEGATED_STATE_COLOR[s]}>{DELEGATED_STATE[s]}</Tag>,
        },
        { title: '当前环节到期', key: 'due', render: (_v, d) => <LegDue d={d} today={today} /> },
      ]}
    />
  );
}

/** 代受理件 (J7): the comprehensive windows' delegated cases; the entrusting department's; all of them for the center. */
export default function DelegatedCases({ me }: { me: Loaded<Profile | undefined> }) {
  return (
    <StaffPage
      title="代受理件"
      extra="综合窗口为委托部门代为受理的办件：窗口预审后转办部门，部门作出决定，中心回复申请人。"
      me={me}
      notStaff="代受理件仅限工作人员。"
    >
      {(staff) => <DelegatedTable staff={staff} />}
    </StaffPage>
  );
}
