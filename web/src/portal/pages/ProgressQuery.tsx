import { Descriptions, Form, Input, Tag, Timeline } from 'antd';
import { api, call } from '../../shared/api';
import { CASE_STATUS, CASE_STATUS_COLOR } from '../../shared/labels';
import { PageTitle } from '../../shared/layout';
import { QueryCard, QueryResult } from '../common/query-card';
import { useQueryForm } from '../common/use-query-form';

interface Asked {
  caseNumber: string;
  applicantIdCode: string;
}
const FIELDS = ['caseNumber', 'applicantIdCode'];

/** Public progress query (no login): the case number and the applicant's ID number or credit code. */
export default function ProgressQuery() {
  const [form] = Form.useForm<Asked>();
  const query = useQueryForm(form, FIELDS, (asked: Asked) =>
    // A POST: the ID number stays out of URLs and access logs.
    call(
      api.POST('/api/v1/cases/progress', {
        body: { caseNumber: asked.caseNumber.trim(), applicantIdCode: asked.applicantIdCode.trim().toUpperCase() },
      }),
    ),
  );

  const { result } = query;
  return (
    <>
      <PageTitle title="办件进度查询" extra="无需登录。请输入受理回执上的办件编号和申请人的证件号码。" />
      <QueryCard
        form={form}
        query={query}
        seeAlso={{ lead: '投资、建设等重大项目的整体进度，请使用 ', to: '/progress/project', name: '重大项目进度查询' }}
      >
        <Form.Item
          name="caseNumber"
          label="办件编号"
          rules={[{ required: true, whitespace: true, message: '请输入办件编号' }]}
        >
          <Input inputMode="numeric" autoComplete="off" maxLength={28} placeholder="18至28位数字" />
        </Form.Item>
        <Form.Item
          name="applicantIdCode"
          label="申请人证件号码"
          extra="个人填居民身份证号码，企业填统一社会信用代码"
          rules={[{ required: true, whitespace: true, message: '请输入申请人的证件号码' }]}
        >
          <Input autoComplete="off" maxLength={18} placeholder="18位" />
        </Form.Item>
      </QueryCard>
      {result ? (
        <QueryResult
          facts={
            <>
              <Descriptions.Item label="办件编号">{result.caseNumber}</Descriptions.Item>
              <Descriptions.Item label="事项">{result.itemName}</Descriptions.Item>
              <Descriptions.Item label="申请人">{result.applicantName}</Descriptions.Item>
              <Descriptions.Item label="当前状态">
                <Tag color={CASE_STATUS_COLOR[result.status]}>{CASE_STATUS[result.status]}</Tag>
              </Descriptions.Item>
              {result.departmentName ? (
                <Descriptions.Item label="办理部门">{result.departmentName}</Descriptions.Item>
              ) : null}
              {result.receivedDate ? (
                <Descriptions.Item label="收件日期">{result.receivedDate}</Descriptions.Item>
              ) : null}
              {result.dueDate ? <Descriptions.Item label="办结期限">{result.dueDate}</Descriptions.Item> : null}
            </>
          }
        >
          <Timeline
            items={[...result.timeline].reverse().map((t, i) => ({
              key: i,
              children: (
                <>
                  <div>{t.action}</div>
                  <div style={{ color: 'rgba(0,0,0,0.65)' }}>{t.at}</div>
                </>
              ),
            }))}
          />
        </QueryResult>
      ) : null}
    </>
  );
}
