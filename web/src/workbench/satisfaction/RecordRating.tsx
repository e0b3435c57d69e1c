import { useState } from 'react';
import { Alert, Button, Form, Input, Radio } from 'antd';
import { api, call } from '../../shared/api';
import type { paths } from '../../api/schema';
import { useAuth } from '../../shared/auth';
import { FormMessages, showOnForm } from '../../shared/form-messages';
import { isBadLevel, RATING_CHANNELS } from '../../shared/rating-levels';
import { LevelAndReason } from '../../shared/RatingForm';
import { Panel } from '../../shared/states';
import { ApiError } from '../../shared/problem';
import { postOneFile } from '../../shared/upload';

type Recorded = paths['/api/v1/ratings/follow-ups']['post']['responses'][201]['content']['application/json'];
type Channel = 'phone_followup' | 'suggestion_box';
interface Values {
  channel: Channel;
  caseNumber?: string;
  level?: number;
  reason?: string;
}
const FIELDS = ['caseNumber', 'level', 'reason'];
/** The gateway's limit on a slip's scan (10 MiB): checked here too, so nobody waits for a refusal. */
const MAX_SCAN_BYTES = 10 * 1024 * 1024;

/** C4: the center enters a completed case's rating from a telephone follow-up (by name) or a suggestion-box slip. */
export function RecordRating() {
  const { user } = useAuth();
  const [form] = Form.useForm<Values>();
  const channel = Form.useWatch('channel', form) ?? 'phone_followup';
  const level = Form.useWatch('level', form);
  const [scan, setScan] = useState<File>();
  // The file input is not a form field (antd would set its value): its message is kept here.
  const [scanError, setScanError] = useState<string>();
  // A new input after each rating recorded: the chooser shows no file left over.
  const [inputKey, setInputKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [messages, setMessages] = useState<string[]>([]);
  const [recorded, setRecorded] = useState<Recorded['rating']>();
  const bad = isBadLevel(level);

  const submit = async (v: Values) => {
    setMessages([]);
    setRecorded(undefined);
    const slip = v.channel === 'suggestion_box';
    if (slip && !scan) return setScanError('请选择意见卡扫描件（PDF、JPG 或 PNG）');
    if (slip && scan!.size > MAX_SCAN_BYTES) return setScanError('扫描件不能超过 10 MB');
    setBusy(true);
    try {
      const reason = v.reason?.trim();
      const fields = { caseNumber: v.caseNumber?.trim() ?? '', level: v.level ?? 0, ...(reason ? { reason } : {}) };
      const answer = slip
        ? await postOneFile<Recorded>('/api/v1/ratings/slips', 'scan', scan!, user?.access_token, [201], {
            ...fields,
            level: String(fields.level),
          })
        : await call(api.POST('/api/v1/ratings/follow-ups', { body: fields }));
      setRecorded(answer.rating);
      form.resetFields(['caseNumber', 'level', 'reason']);
      setScan(undefined);
      setInputKey((k) => k + 1);
    } catch (e) {
      const scanProblem = e instanceof ApiError ? e.problem.fields.scan : undefined;
      if (scanProblem) setScanError(scanProblem);
      setMessages(showOnForm(form, e, FIELDS).filter((m) => m !== scanProblem));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel title="录入回访和意见箱评价">
      {recorded ? (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginBottom: 12 }}
          message={`已录入办件 ${recorded.caseNumber} 的${RATING_CHANNELS[recorded.channel]}评价：${recorded.levelName}`}
          description={recorded.rectificationId ? '该评价为差评，已转被评价部门整改。' : undefined}
        />
      ) : null}
      <FormMessages messages={messages} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ channel: 'phone_followup' }}
        onFinish={(v) => void submit(v)}
        aria-label="录入评价"
        style={{ maxWidth: 640 }}
      >
        <Form.Item name="channel" label="评价渠道">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'phone_followup', label: '电话回访（实名）' },
              { value: 'suggestion_box', label: '意见箱（匿名）' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="caseNumber"
          label="办件编号"
          rules={[{ required: true, whitespace: true, message: '请填写办结办件的办件编号' }]}
        >
          <Input maxLength={28} inputMode="numeric" style={{ maxWidth: 320 }} />
        </Form.Item>
        <LevelAndReason bad={bad} />
        {channel === 'suggestion_box' ? (
          <Form.Item
            label="意见卡扫描件（PDF、JPG 或 PNG，不超过 10 MB）"
            required
            validateStatus={scanError ? 'error' : undefined}
            help={scanError}
          >
            <input
              key={inputKey}
              type="file"
              accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
              aria-label="意见卡扫描件"
              onChange={(e) => {
                setScan(e.target.files?.[0]);
                setScanError(undefined);
              }}
            />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={busy}>
          录入评价
        </Button>
      </Form>
    </Panel>
  );
}
