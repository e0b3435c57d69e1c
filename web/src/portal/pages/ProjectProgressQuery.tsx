import { Descriptions, Form, Input, Table } from 'antd';
import { api, call } from '../../shared/api';
import type { PublicProjectProgress } from '../../api/types';
import { PROJECT_STATE } from '../../shared/labels';
import { caseDateColumns, caseStatusColumn } from '../../shared/case-dates';
import { PageTitle } from '../../shared/layout';
import { QueryCard, QueryResult } from '../common/query-card';
import { useQueryForm } from '../common/use-query-form';
import { ApiError } from '../../shared/problem';
import { PhoneText } from '../../shared/project-progress';

interface Asked {
  projectCode: string;
  investorCreditCode: string;
}
const FIELDS = ['projectCode', 'investorCreditCode'];
type ProjectCase = PublicProjectProgress['cases'][number];

/**
 * Nothing matched: the service answers alike for a wrong code or credit code, a classified project and one not open
 * to the public, so the message names every reason and where the investor reads its own.
 */
const NOT_FOUND =
  '找不到该项目。请核对项目代码和投资主体的统一社会信用代码；涉密项目和未开放公开查询的项目不在此提供查询，' +
  '投资主体可登录后在“我的项目”中查看。';

const COLUMNS = [
  { title: '事项', dataIndex: 'itemName' },
  { title: '办理部门', dataIndex: 'departmentName' },
  caseStatusColumn,
  ...caseDateColumns,
];

/**
 * 重大项目进度查询 (public, no login, J20): the project code and the investor's 统一社会信用代码 answer the masked
 * progress of a project whose center shows it publicly.
 */
export default function ProjectProgressQuery() {
  const [form] = Form.useForm<Asked>();
  const query = useQueryForm(form, FIELDS, async (asked: Asked) => {
    try {
      // A POST: the credit code stays out of URLs and access logs.
      const { progress } = await call(
        api.POST('/api/v1/joint-review/projects/progress', {
          body: {
            projectCode: asked.projectCode.trim(),
            investorCreditCode: asked.investorCreditCode.trim().toUpperCase(),
          },
        }),
      );
      return progress;
    } catch (error) {
      if (error instanceof ApiError && error.problem.code === 'PROJECT_NOT_FOUND') {
        throw new ApiError({ ...error.problem, message: NOT_FOUND });
      }
      throw error;
    }
  });

  const { result } = query;
  return (
    <>
      <PageTitle
        title="重大项目进度查询"
        extra="无需登录。请输入投资项目在线审批监管平台赋予的项目代码和投资主体的统一社会信用代码。"
      />
      <QueryCard
        form={form}
        query={query}
        seeAlso={{ lead: '查询单个办件请使用 ', to: '/progress', name: '办件进度查询' }}
      >
        <Form.Item
          name="projectCode"
          label="项目代码"
          rules={[{ required: true, whitespace: true, message: '请输入项目代码' }]}
        >
          <Input autoComplete="off" maxLength={24} placeholder="如 2026-620321-44-01-000123" />
        </Form.Item>
        <Form.Item
          name="investorCreditCode"
          label="投资主体统一社会信用代码"
          rules={[{ required: true, whitespace: true, message: '请输入统一社会信用代码' }]}
        >
          <Input autoComplete="off" maxLength={18} placeholder="18位" />
        </Form.Item>
      </QueryCard>
      {result ? (
        <QueryResult
          facts={
            <>
              <Descriptions.Item label="项目名称">{result.name}</Descriptions.Item>
              <Descriptions.Item label="项目代码">{result.projectCode}</Descriptions.Item>
              <Descriptions.Item label="投资主体">{result.investorName}</Descriptions.Item>
              <Descriptions.Item label="项目状态">{PROJECT_STATE[result.state]}</Descriptions.Item>
              {result.agentName ? <Descriptions.Item label="代办员">{result.agentName}</Descriptions.Item> : null}
              {result.agentPhone ? (
                <Descriptions.Item label="代办员电话">
                  <PhoneText phone={result.agentPhone} />
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label="进度日期">{result.asOfDate}</Descriptions.Item>
            </>
          }
        >
          <Table<ProjectCase>
            size="small"
            columns={COLUMNS}
            dataSource={result.cases.map((c, i) => ({ ...c, key: i }))}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: '项目暂无关联的办件' }}
          />
        </QueryResult>
      ) : null}
    </>
  );
}
