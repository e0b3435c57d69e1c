import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, DatePicker, Form, Input, Select, Switch, Upload, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, call } from '../shared/api';
import { tenantOf, useAuth } from '../shared/auth';
import { PageTitle } from '../shared/layout';
import { messageOf } from '../shared/problem';
import { ErrorAlert, Panel, useLoad } from '../shared/states';
import { CHECKLIST, checklistBody } from './checklist';
import { uploadPhoto } from './photos';
import type { Inspection, Violation } from './types';

interface Values {
  windowId: string;
  date: Dayjs;
  person?: string;
  answers: Record<string, { passed?: boolean; note?: string }>;
}

/** 日检查 (S18): a window's checklist with photos; each failed entry becomes a violation, shown after saving. */
export default function InspectionForm() {
  const { user } = useAuth();
  const tenant = tenantOf(user) ?? '';
  const windows = useLoad(
    () =>
      tenant
        ? call(api.GET('/api/v1/identity/tenants/{code}/windows', { params: { path: { code: tenant } } }))
        : Promise.resolve({ windows: [] }),
    [tenant],
  );
  const [form] = Form.useForm<Values>();
  const [photos, setPhotos] = useState<{ id: string; name: string }[]>([]);
  const [uploading, setUploading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const [result, setResult] = useState<{ inspection: Inspection; violations: Violation[] }>();

  const save = async (values: Values) => {
    const { checklist, missingNotes } = checklistBody(values.answers ?? {});
    if (missingNotes.length > 0) {
      form.setFields(
        missingNotes.map((code) => ({ name: ['answers', code, 'note'], errors: ['不合格时请写明发现的情况'] })),
      );
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      const answer = await call(
        api.POST('/api/v1/supervision/inspections', {
          body: {
            tenant,
            windowId: values.windowId,
            date: values.date.format('YYYY-MM-DD'),
            checklist,
            photoFileIds: photos.map((p) => p.id),
            ...(values.person ? { person: values.person } : {}),
            requestId,
          },
        }),
      );
      setResult(answer as { inspection: Inspection; violations: Violation[] });
      void message.success('检查记录已保存');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  if (result) {
    return (
      <>
        <PageTitle title="日检查已记录" />
        <Panel>
          <p>
            {result.inspection.date} 窗口检查已记录，
            {result.violations.length === 0 ? '全部合格。' : `${result.violations.length} 项不合格，已记为违规：`}
          </p>
          <ul>
            {result.violations.map((v) => (
              <li key={v.id}>
                <Link to={`/violations/${v.id}`}>{v.summary}</Link>
              </li>
            ))}
          </ul>
          <Button
            onClick={() => {
              setResult(undefined);
              setPhotos([]);
              setRequestId(crypto.randomUUID());
              form.resetFields();
            }}
          >
            再记录一次检查
          </Button>
        </Panel>
      </>
    );
  }

  return (
    <>
      <PageTitle title="日检查" />
      {windows.error ? <ErrorAlert error={windows.error} onRetry={windows.reload} /> : null}
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ date: dayjs() }}>
        <Panel>
          <Form.Item name="windowId" label="检查窗口" rules={[{ required: true, message: '请选择窗口' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={windows.loading}
              options={(windows.data?.windows ?? []).map((w) => ({ value: w.id, label: `${w.number} ${w.name}` }))}
            />
          </Form.Item>
          <Form.Item name="date" label="检查日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item
            name="person"
            label="不合格项涉及的工作人员（用户名，可不填）"
            rules={[
              { pattern: /^[a-z][a-z0-9-]{2,39}$/, message: '用户名应为3至40位小写字母、数字或连字符，以字母开头' },
            ]}
          >
            <Input maxLength={40} />
          </Form.Item>
        </Panel>
        <Panel title="检查清单">
          {CHECKLIST.map((c) => (
            <fieldset key={c.code} style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
              <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 4 }}>{c.label}</legend>
              <Form.Item
                name={['answers', c.code, 'passed']}
                valuePropName="checked"
                initialValue={true}
                style={{ marginBottom: 4 }}
              >
                <Switch checkedChildren="合格" unCheckedChildren="不合格" aria-label={`${c.label}：合格`} />
              </Form.Item>
              <Form.Item name={['answers', c.code, 'note']} style={{ marginBottom: 0 }}>
                <Input placeholder="发现的情况（不合格时必填）" maxLength={500} aria-label={`${c.label}：发现的情况`} />
              </Form.Item>
            </fieldset>
          ))}
        </Panel>
        <Panel title="现场照片">
          <Upload
            accept="image/jpeg,image/png"
            capture="environment"
            showUploadList={false}
            beforeUpload={async (file) => {
              setUploading(true);
              try {
                const id = await uploadPhoto(file, user?.access_token);
                setPhotos((p) => [...p, { id, name: file.name }]);
              } catch (e) {
                void message.error(messageOf(e));
              } finally {
                setUploading(false);
              }
              return false;
            }}
          >
            <Button loading={uploading}>拍照或选择照片（JPEG、PNG，不超过5 MB）</Button>
          </Upload>
          <ul>
            {photos.map((p) => (
              <li key={p.id}>
                {p.name}{' '}
                <Button type="link" onClick={() => setPhotos((all) => all.filter((x) => x.id !== p.id))}>
                  移除
                </Button>
              </li>
            ))}
          </ul>
        </Panel>
        {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" loading={saving}>
          保存检查记录
        </Button>
      </Form>
    </>
  );
}
