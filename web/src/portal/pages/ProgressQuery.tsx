import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Tag, Timeline } from 'antd';
import { api, call } from '../../shared/api';
import type { Progress } from '../../api/types';
import { CASE_STATUS, CASE_STATUS_COLOR } from '../../shared/labels';
import { PageTitle } from '../../shared/layout';
import { ApiError, formErrors, messageOf } from '../../shared/problem';

interface Asked {
  caseNumber: string;
  applicantIdCode: string;
}
const FIELDS = ['caseNumber', 'applicantIdCode'];

/** Public progress query (no login): the case number and the applicant's ID number or credit code. */
export default function ProgressQuery() {
  const [form] = Form.useForm<Asked>();
  const [result, setResult] = useState<Progress>();
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (asked: Asked) => {
    setBusy(true);
    setErrors([]);
    setResult(undefined);
    try {
      // A POST: the ID number stays out of URLs and access logs.
      setResult(
        await call(
          api.POST('/api/v1/cases/progress', {
            body: { caseNumber: asked.caseNumber.trim(), applicantIdCode: asked.applicantIdCode.trim().toUpperCase() },
          }),
        ),
      );
    } catch (error) {
      if (error instanceof ApiError) {
        const { fields, rest } = formErrors(error.problem, FIELDS);
        form.setFields(fields as Parameters<typeof form.setFields>[0]);
        setErrors(fields.length > 0 ? rest.slice(1) : rest);
      } else {
        setErrors([messageOf(error)]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle title="办件进度查询" extra="无需登录。请输入受理回执上的办件编号和申请人的证件号码。" />
      <Card style={{ marginBottom: 16, maxWidth: 640 }}>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark>
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
          {errors.length > 0 ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginBottom: 16 }}
              message={errors[0]}
              description={errors.length > 1 ? errors.slice(1).join('；') : undefined}
            />
          ) : null}
          <Button type="primary" htmlType="submit" loading={busy}>
            查询
          </Button>
        </Form>
      </Card>
      {result ? (
        <Card title="查询结果" aria-live="polite">
          <Descriptions column={{ xs: 1, sm: 2 }} size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label="办件编号">{result.caseNumber}</Descriptions.Item>
            <Descriptions.Item label="事项">{result.itemName}</Descriptions.Item>
            <Descriptions.Item label="申请人">{result.applicantName}</Descriptions.Item>
            <Descriptions.Item label="当前状态">
              <Tag color={CASE_STATUS_COLOR[result.status]}>{CASE_STATUS[result.status]}</Tag>
            </Descriptions.Item>
            {result.departmentName ? (
              <Descriptions.Item label="办理部门">{result.departmentName}</Descriptions.Item>
            ) : null}
            {result.receivedDate ? <Descriptions.Item label="收件日期">{result.receivedDate}</Descriptions.Item> : null}
            {result.dueDate ? <Descriptions.Item label="办结期限">{result.dueDate}</Descriptions.Item> : null}
          </Descriptions>
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
        </Card>
      ) : null}
    </>
  );
}
