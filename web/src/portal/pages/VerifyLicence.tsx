import { useSearchParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Form, Input, Tag } from 'antd';
import { api, call } from '../../shared/api';
import { PageTitle } from '../../shared/layout';
import { Loading, useLoad } from '../../shared/states';
import { ApiError, messageOf } from '../../shared/problem';

function Verified({ code }: { code: string }) {
  const loaded = useLoad(() => call(api.GET('/api/v1/licences/verify/{code}', { params: { path: { code } } })), [code]);
  if (loaded.error) {
    const notFound = loaded.error instanceof ApiError && loaded.error.problem.status === 404;
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        message={notFound ? '未查到与此核验码对应的电子证照，请核对后重试' : messageOf(loaded.error)}
      />
    );
  }
  if (!loaded.data) return <Loading text="正在核验…" />;
  const l = loaded.data;
  return (
    <Card
      title={l.name}
      extra={l.revoked ? <Tag color="red">已注销</Tag> : <Tag color="green">有效证照</Tag>}
      style={{ maxWidth: 720 }}
    >
      <Descriptions column={{ xs: 1, sm: 2 }} size="small">
        <Descriptions.Item label="证照编号">{l.licenceNumber}</Descriptions.Item>
        <Descriptions.Item label="持证者">{l.holderName}</Descriptions.Item>
        <Descriptions.Item label="证件号码">{l.holderIdCode}</Descriptions.Item>
        <Descriptions.Item label="发证部门">{l.issuingDepartmentName}</Descriptions.Item>
        <Descriptions.Item label="办理事项">{l.itemName}</Descriptions.Item>
        <Descriptions.Item label="有效期">
          {l.validFrom} 至 {l.validUntil ?? '长期'}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** 证照核验 (public): anyone checks a licence by the 12-character code printed on it. */
export default function VerifyLicence() {
  const [params, setParams] = useSearchParams();
  const code = params.get('code')?.trim().toUpperCase() ?? '';
  const [form] = Form.useForm<{ code: string }>();
  return (
    <>
      <PageTitle title="电子证照核验" extra="输入证照上印制的12位核验码，查验证照的真伪和状态。" />
      <Card style={{ maxWidth: 720, marginBottom: 16 }}>
        <Form
          form={form}
          layout="inline"
          initialValues={{ code }}
          onFinish={(v) => setParams({ code: v.code.trim().toUpperCase() })}
        >
          <Form.Item
            name="code"
            label="核验码"
            rules={[
              { required: true, message: '请输入核验码' },
              { pattern: /^\s*[0-9A-Za-z]{12}\s*$/, message: '核验码为12位字母或数字' },
            ]}
          >
            <Input maxLength={14} autoComplete="off" style={{ width: 200 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" autoInsertSpace={false}>
            核验
          </Button>
        </Form>
      </Card>
      {code ? <Verified code={code} /> : null}
    </>
  );
}
