import { Link, useNavigate } from 'react-router';
import { Card, Form, Tag } from 'antd';
import { useState } from 'react';
import { api, call } from '../../shared/api';
import type { JointReview, JointReviewState, Profile } from '../../api/types';
import { NativeSelect } from '../../admin/org/NativeSelect';
import { useDepartmentNames } from '../../shared/department-names';
import { JOINT_REVIEW_STATE } from '../../shared/labels';
import { PagedTable, pageQuery } from '../../shared/paged-table';
import { usePaged } from '../../shared/states';

type Staff = NonNullable<Profile['staff']>;

const STATE_COLOR: Readonly<Record<JointReviewState, string>> = {
  open: 'blue',
  awaiting_conclusion: 'orange',
  concluded: 'green',
  cancelled: 'default',
};

/**
 * 本部门联办件 (ListJointReviews): the joint reviews the department leads or takes part in, newest first, by state; a
 * row opens the review. The lead window tracks its reviews here, the co-departments theirs.
 */
export function DepartmentReviews({ staff }: { staff: Staff }) {
  const navigate = useNavigate();
  const [state, setState] = useState<JointReviewState | ''>('');
  const paged = usePaged<JointReview>(
    (pageToken) =>
      call(
        api.GET('/api/v1/joint-review/reviews', {
          params: { query: pageQuery({ department: staff.department, state }, pageToken) },
        }),
      ).then((r) => ({ items: r.reviews, total: r.total, nextPageToken: r.nextPageToken })),
    [state],
  );
  const name = useDepartmentNames([
    ...new Set(paged.items.flatMap((r) => [r.leadDepartment, ...r.tasks.map((t) => t.department)])),
  ]);
  return (
    <PagedTable
      paged={paged}
      filter={
        <Card style={{ marginBottom: 16 }}>
          <Form layout="vertical">
            <Form.Item label="联审状态" htmlFor="department-review-state" style={{ marginBottom: 0, maxWidth: 320 }}>
              <NativeSelect
                id="department-review-state"
                placeholder="全部状态"
                value={state || undefined}
                choices={(Object.keys(JOINT_REVIEW_STATE) as JointReviewState[]).map((s) => ({
                  value: s,
                  label: JOINT_REVIEW_STATE[s],
                }))}
                onChange={(e) => setState(e.target.value as JointReviewState | '')}
              />
            </Form.Item>
          </Form>
        </Card>
      }
      loadingText="正在读取本部门的联办件…"
      emptyText="本部门暂无该状态的联办件"
      summary={(total) => `共 ${total} 件：本部门牵头或参与的联办件，新开的在前。`}
      scrollX={960}
      onRow={(r) => ({
        onClick: (e) => {
          if ((e.target as HTMLElement).closest('a')) return;
          void navigate(`/joint/${r.id}`);
        },
        style: { cursor: 'pointer' },
      })}
      columns={[
        { title: '办件编号', dataIndex: 'caseNumber' },
        {
          title: '事项名称',
          dataIndex: 'itemName',
          render: (itemName: string, r: JointReview) => <Link to={`/joint/${r.id}`}>{itemName}</Link>,
        },
        {
          title: '牵头部门',
          dataIndex: 'leadDepartment',
          render: (code: string) => (code === staff.department ? '本部门' : name(code)),
        },
        {
          title: '状态',
          dataIndex: 'state',
          render: (s: JointReviewState) => <Tag color={STATE_COLOR[s]}>{JOINT_REVIEW_STATE[s]}</Tag>,
        },
        {
          title: '意见',
          key: 'answers',
          render: (_v, r: JointReview) =>
            `${r.tasks.filter((t) => t.state === 'done').length}/${r.tasks.filter((t) => t.state !== 'cancelled').length} 个部门已出具`,
        },
        { title: '承诺办结日', dataIndex: 'casePromisedDueDate' },
      ]}
    />
  );
}
