import { Form, Input, InputNumber, Radio } from 'antd';
import { api, call } from '../../shared/api';
import type { Escalation, Profile } from '../../api/types';
import { NativeSelect } from '../../admin/org/NativeSelect';
import { chosen } from '../case/ActModal';
import { ActCard } from './ActCard';
import { linesOf } from './escalation-format';

type Staff = NonNullable<Profile['staff']>;
type StatusKind = 'progress' | 'special_procedure_started' | 'special_procedure_ended';
type Procedure = '听证' | '招标' | '拍卖' | '检验' | '检测' | '检疫' | '鉴定' | '专家评审';
const PROCEDURES: Procedure[] = ['听证', '招标', '拍卖', '检验', '检测', '检疫', '鉴定', '专家评审'];

interface StatusValues {
  kind: StatusKind;
  text: string;
  procedure?: Procedure;
  plannedWorkingDays?: number;
}
interface DecisionValues {
  outcome: 'approved' | 'denied';
  reasons?: string;
  documentNumber?: string;
}

/** Whether a §45 procedure runs now: the latest procedure update is a start. */
const procedureRunning = (e: Escalation) =>
  e.updates.filter((u) => u.kind.startsWith('special_procedure_')).at(-1)?.kind === 'special_procedure_started';

/** The parent's acts on its receiver record: 退回补充, 报告进展 / 特别程序, 作出决定 (approvers and heads only). */
export function ReceiverActs({ e, staff, onChanged }: { e: Escalation; staff: Staff; onChanged: () => void }) {
  if (e.state !== 'in_handling') return null;
  const path = { params: { path: { id: e.id } } };
  const decides = staff.roles.some((r) => r === 'approver' || r === 'department_head');
  const running = procedureRunning(e);
  const kinds: { value: StatusKind; label: string }[] = [
    { value: 'progress', label: '办理进展' },
    running
      ? { value: 'special_procedure_ended', label: '特别程序结束' }
      : { value: 'special_procedure_started', label: '特别程序开始（办理计时暂停）' },
  ];
  return (
    <>
      <ActCard<{ reasons: string }>
        title="退回补充"
        fields={['reasons']}
        button="退回补充"
        done="已退回本级中心补充。"
        danger
        act={async (v) => {
          await call(
            api.POST('/api/v1/joint-review/escalations/{id}/return', {
              ...path,
              body: { expectedVersion: e.version, reasons: linesOf(v.reasons) },
            }),
          );
          onChanged();
        }}
      >
        <Form.Item
          name="reasons"
          label="退回理由"
          extra="每行一条：缺少或有误的材料、需要说明的事项"
          rules={[{ required: true, whitespace: true, message: '请填写退回理由' }]}
        >
          <Input.TextArea maxLength={4000} rows={3} />
        </Form.Item>
      </ActCard>
      <ActCard<StatusValues>
        title="报告进展"
        fields={['kind', 'text', 'procedure', 'plannedWorkingDays']}
        button="报告"
        done="已报告本级中心。"
        initialValues={{ kind: 'progress' }}
        act={async (v) => {
          await call(
            api.POST('/api/v1/joint-review/escalations/{id}/status', {
              ...path,
              body: {
                expectedVersion: e.version,
                kind: v.kind,
                text: v.text.trim(),
                ...(v.kind === 'special_procedure_started' && v.procedure ? { procedure: v.procedure } : {}),
                ...(v.kind === 'special_procedure_started' && v.plannedWorkingDays
                  ? { plannedWorkingDays: v.plannedWorkingDays }
                  : {}),
              },
            }),
          );
          onChanged();
        }}
      >
        <Form.Item name="kind" label="报告类型" rules={chosen('请选择报告类型')}>
          <NativeSelect choices={kinds} placeholder="请选择报告类型" />
        </Form.Item>
        <Form.Item
          name="text"
          label="报告内容"
          rules={[{ required: true, whitespace: true, message: '请填写报告内容' }]}
        >
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
        {!running ? (
          <>
            <Form.Item name="procedure" label="特别程序" extra="特别程序开始时选择">
              <NativeSelect choices={PROCEDURES.map((p) => ({ value: p, label: p }))} placeholder="不是特别程序" />
            </Form.Item>
            <Form.Item name="plannedWorkingDays" label="计划时长（工作日）">
              <InputNumber min={1} max={120} precision={0} style={{ width: 160 }} />
            </Form.Item>
          </>
        ) : null}
      </ActCard>
      {decides ? (
        <ActCard<DecisionValues>
          title="作出决定"
          fields={['outcome', 'reasons', 'documentNumber']}
          button="作出决定"
          done="已作出决定，结果已回传本级中心。"
          act={async (v) => {
            await call(
              api.POST('/api/v1/joint-review/escalations/{id}/decision', {
                ...path,
                body: {
                  expectedVersion: e.version,
                  outcome: v.outcome,
                  reasons: linesOf(v.reasons),
                  ...(v.documentNumber?.trim() ? { documentNumber: v.documentNumber.trim() } : {}),
                },
              }),
            );
            onChanged();
          }}
        >
          <Form.Item name="outcome" label="决定" rules={chosen('请选择决定')}>
            <Radio.Group
              options={[
                { value: 'approved', label: '准予许可' },
                { value: 'denied', label: '不予许可' },
              ]}
            />
          </Form.Item>
          <Form.Item name="reasons" label="理由" extra="每行一条；不予许可的须说明理由">
            <Input.TextArea maxLength={4000} rows={3} />
          </Form.Item>
          <Form.Item name="documentNumber" label="决定文书编号">
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </ActCard>
      ) : null}
    </>
  );
}
