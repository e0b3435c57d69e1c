import { Link } from 'react-router';
import { Col, Row, Statistic, Tag } from 'antd';
import { caseDateColumns, caseStatusColumn } from './case-dates';
import { dialable, expectedCompletionText, progressFigures } from './project-text';

interface Figures {
  casesTotal: number;
  casesCompleted: number;
  casesInProgress: number;
  casesOverdue: number;
  expectedCompletionDate?: string;
}

/** A project's progress: its cases counted (总数/已办结/在办/已超期) and the expected completion. */
export function ProgressFigures({ progress }: { progress: Figures }) {
  return (
    <>
      <Row gutter={[16, 16]}>
        {progressFigures(progress).map((f) => (
          <Col key={f.title} xs={12} sm={6}>
            <Statistic title={f.title} value={f.value} suffix="件" />
          </Col>
        ))}
      </Row>
      <p style={{ margin: '16px 0 0' }}>预计完成日期：{expectedCompletionText(progress)}</p>
    </>
  );
}

/** A phone to call: a link for a full number, the text for a masked one. */
export function PhoneText({ phone }: { phone: string }) {
  if (!phone) return <>未登记电话</>;
  return dialable(phone) ? <a href={`tel:${phone.trim()}`}>{phone}</a> : <>{phone}</>;
}

interface ProjectCaseRow {
  caseId: string;
  caseNumber: string;
  overdue: boolean;
}

/**
 * A project's cases in a table: number (a link to the case's page, `to`), item, department (by its name), status,
 * overdue, dates.
 */
export function projectCaseColumns<C extends ProjectCaseRow>(
  to: (caseId: string) => string,
  departmentName: (code: string) => string,
) {
  return [
    {
      title: '办件编号',
      dataIndex: 'caseNumber',
      render: (n: string, c: C) => <Link to={to(c.caseId)}>{n}</Link>,
    },
    { title: '事项名称', dataIndex: 'itemName' },
    { title: '部门', dataIndex: 'department', render: (d: string) => departmentName(d) },
    caseStatusColumn,
    { title: '超期', dataIndex: 'overdue', render: (o: boolean) => (o ? <Tag color="red">已超期</Tag> : '否') },
    ...caseDateColumns,
  ];
}
