import { Button, Col, ConfigProvider, Form, Input, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { Case } from '../../api/types';
import { DELIVERY } from '../../shared/labels';
import { availableActs, type ActKey } from '../case-acts';
import type { FormField } from '../form-fields';
import { ActModal, chosen } from './ActModal';

/** 行政许可法 §45: the procedures whose time does not count (the cases service's list). */
const SPECIAL_PROCEDURES = ['听证', '招标', '拍卖', '检验', '检测', '检疫', '鉴定', '专家评审'];

/** antd's red (#ff4d4f) is too light for text on white (3.2:1); this one reads at 5.9:1 (WCAG AA). */
const ACCESSIBLE_RED = { token: { colorError: '#c41d1d' } };

const VOID_KIND = { duplicate: '重复申报', abuse: '恶意申报' } as const;

const required = (message: string) => ({ required: true, whitespace: true, message });
const deliveryOptions = Object.entries(DELIVERY).map(([value, label]) => ({ value, label }));

/** Lines of a text area, each one item of a list (reasons, remedies); blank lines dropped. */
export const lines = (text: string | undefined): string[] =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const path = (c: Case) => ({ params: { path: { id: c.id } } });

interface Target {
  target?: 'material' | 'field';
  materialId?: string;
  field?: string;
}

/** A problem or correction row's subject: a material or a form field, chosen from the case's own lists. */
function TargetFields({ name, c, fields, listName }: { name: number; c: Case; fields: FormField[]; listName: string }) {
  return (
    <>
      <Col xs={24} md={6}>
        <Form.Item
          name={[name, 'target']}
          label="问题所在"
          initialValue="material"
          rules={chosen('请选择问题在材料还是表单')}
        >
          <Select
            options={[
              { value: 'material', label: '申请材料' },
              { value: 'field', label: '表单内容' },
            ]}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={18}>
        <Form.Item noStyle dependencies={[[listName, name, 'target']]}>
          {({ getFieldValue }) =>
            getFieldValue([listName, name, 'target']) === 'field' ? (
              <Form.Item name={[name, 'field']} label="表单字段" rules={chosen('请选择需要补正的表单字段')}>
                <Select
                  showSearch
                  virtual={false}
                  optionFilterProp="label"
                  options={fields.map((f) => ({ value: f.path, label: f.label }))}
                  placeholder="请选择表单字段"
                />
              </Form.Item>
            ) : (
              <Form.Item name={[name, 'materialId']} label="材料" rules={chosen('请选择需要补正的材料')}>
                <Select
                  virtual={false}
                  options={c.materials.map((m) => ({ value: m.materialId, label: m.name }))}
                  placeholder="请选择材料"
                />
              </Form.Item>
            )
          }
        </Form.Item>
      </Col>
    </>
  );
}

const subject = (t: Target) => (t.target === 'field' ? { field: t.field } : { materialId: t.materialId });

/** The one-time-notice composer: every problem at once, each a material or field and what to bring or fix. */
function ProblemRows({
  c,
  fields,
  listName,
  noteLabel,
}: {
  c: Case;
  fields: FormField[];
  listName: string;
  noteLabel: string;
}) {
  return (
    <Form.List name={listName}>
      {(rows, { add, remove }) => (
        <>
          {rows.map((row, i) => (
            <fieldset
              key={row.key}
              style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '8px 12px', marginBottom: 12 }}
            >
              <legend style={{ fontSize: 14, width: 'auto', margin: 0, padding: '0 4px', border: 0 }}>
                第 {i + 1} 项
              </legend>
              <Row gutter={12}>
                <TargetFields name={row.name} c={c} fields={fields} listName={listName} />
                <Col span={24}>
                  <Form.Item
                    name={[row.name, listName === 'problems' ? 'message' : 'note']}
                    label={noteLabel}
                    rules={[required(`请填写${noteLabel}`), { min: 2, message: `${noteLabel}至少2个字` }]}
                  >
                    <Input.TextArea rows={2} maxLength={listName === 'problems' ? 1000 : 500} />
                  </Form.Item>
                </Col>
              </Row>
              {rows.length > 1 ? (
                <Button size="small" onClick={() => remove(row.name)}>
                  删除第 {i + 1} 项
                </Button>
              ) : null}
            </fieldset>
          ))}
          <Button onClick={() => add({ target: 'material' })}>增加一项</Button>
        </>
      )}
    </Form.List>
  );
}

const listField = (list: string, leaves: string) => (n: string) => new RegExp(`^${list}\\.\\d+\\.(${leaves})$`).test(n);
/** The service names a row without material or field as `problems.N`: shown at the row's subject. */
const rowToTarget = (n: string) => n.replace(/^(problems|corrections)\.(\d+)$/, '$1.$2.target');

export interface CaseActsProps {
  c: Case;
  roles: readonly string[];
  fields: FormField[];
  onDone: (c: Case, done: string) => void;
}

/** The acts the member of staff may do on the case now, each a button with its dialog. */
export function CaseActs({ c, roles, fields, onDone }: CaseActsProps) {
  const acts = availableActs(c, roles);
  const v = { expectedVersion: c.version };
  const step = c.steps.find((s) => s.state === 'active');
  const modal: Record<ActKey, () => React.ReactNode> = {
    notice: () => (
      <ActModal<{ problems: (Target & { message: string })[] }>
        key="notice"
        label="一次性告知"
        title="出具一次性告知书"
        okText="确认并出具告知书"
        intro="请一次列明需要补正的全部内容：每一项写明是哪份材料或哪个表单字段、需要怎样补正。出具后办件转为待补正，申请人补正并重新提交后再审查。"
        initialValues={{ problems: [{ target: 'material', message: '' }] }}
        isField={listField('problems', 'message|materialId|field|target')}
        rename={rowToTarget}
        submit={(x) =>
          call(
            api.POST('/api/v1/cases/{id}/one-time-notice', {
              ...path(c),
              body: { ...v, problems: x.problems.map((p) => ({ ...subject(p), message: p.message.trim() })) },
            }),
          )
        }
        done="已出具一次性告知书，办件转为待补正。"
        onDone={onDone}
      >
        {() => <ProblemRows c={c} fields={fields} listName="problems" noteLabel="需要补正的内容" />}
      </ActModal>
    ),
    correct: () => (
      <ActModal<{ corrections: (Target & { note: string })[] }>
        key="correct"
        label="记录当场更正"
        okText="确认记录"
        intro="申请人在窗口当场更正的内容，逐项记录在办件中。"
        initialValues={{ corrections: [{ target: 'field', note: '' }] }}
        isField={listField('corrections', 'note|materialId|field|target')}
        rename={rowToTarget}
        submit={(x) =>
          call(
            api.POST('/api/v1/cases/{id}/corrections', {
              ...path(c),
              body: { ...v, corrections: x.corrections.map((p) => ({ ...subject(p), note: p.note.trim() })) },
            }),
          )
        }
        done="已记录当场更正。"
        onDone={onDone}
      >
        {() => <ProblemRows c={c} fields={fields} listName="corrections" noteLabel="更正内容" />}
      </ActModal>
    ),
    passPreReview: () => (
      <ActModal<{ opinion?: string }>
        key="pass"
        label="预审通过"
        primary
        intro="确认申请材料齐全、符合法定形式。预审通过后可报送受理或直接受理。"
        initialValues={{ opinion: '申请材料齐全、符合法定形式，预审通过' }}
        isField={(n) => n === 'opinion'}
        submit={(x) =>
          call(
            api.POST('/api/v1/cases/{id}/pre-review/pass', {
              ...path(c),
              body: { ...v, opinion: (x.opinion ?? '').trim() },
            }),
          )
        }
        done="预审已通过。"
        onDone={onDone}
      >
        {() => (
          <Form.Item name="opinion" label="预审意见" rules={[required('请填写预审意见')]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )}
      </ActModal>
    ),
    sendToAcceptance: () => (
      <ActModal<object>
        key="send"
        label="报送受理"
        intro="将预审通过的办件报送受理；需要核验纸质原件的事项，办件转为待递交纸质材料。"
        submit={() => call(api.POST('/api/v1/cases/{id}/send-to-acceptance', { ...path(c), body: v }))}
        done="已报送受理。"
        onDone={onDone}
      />
    ),
    accept: () => (
      <ActModal<{ opinion?: string }>
        key="accept"
        label="受理"
        primary
        intro="受理后开始计算办理期限，系统出具受理通知书并通知申请人。"
        isField={(n) => n === 'opinion'}
        submit={(x) =>
          call(
            api.POST('/api/v1/cases/{id}/accept', {
              ...path(c),
              body: { ...v, opinion: x.opinion?.trim() || undefined },
            }),
          )
        }
        done="已受理，受理通知书已出具。"
        onDone={onDone}
      >
        {() => (
          <Form.Item name="opinion" label="受理意见（选填）">
            <Input.TextArea rows={2} maxLength={1000} placeholder="申请材料齐全、符合法定形式，予以受理" />
          </Form.Item>
        )}
      </ActModal>
    ),
    refuse: () => (
      <ActModal<{ reasons: string; remedies?: string }>
        key="refuse"
        label="不予受理"
        danger
        intro="申请事项依法不属于本机关职权范围或不符合受理条件时使用。系统出具不予受理通知书，写明理由和申请人的救济途径。"
        isField={(n) => n === 'reasons' || n === 'remedies'}
        rename={(n) => n.replace(/^(reasons|remedies)\.\d+$/, '$1')}
        submit={(x) =>
          call(
            api.POST('/api/v1/cases/{id}/refuse', {
              ...path(c),
              body: {
                ...v,
                reasons: lines(x.reasons),
                ...(lines(x.remedies).length ? { remedies: lines(x.remedies) } : {}),
              },
            }),
          )
        }
        done="已决定不予受理，不予受理通知书已出具。"
        onDone={onDone}
      >
        {() => (
          <>
            <Form.Item
              name="reasons"
              label="不予受理的理由（每行一条）"
              rules={[required('请写明不予受理的理由'), { min: 2, message: '理由至少2个字' }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="remedies" label="救济途径（选填，每行一条；不填按法定的行政复议和行政诉讼途径告知）">
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
      </ActModal>
    ),
    void: () => (
      <ActModal<{ kind: keyof typeof VOID_KIND; reason: string }>
        key="void"
        label="作废"
        danger
        intro="仅用于重复申报或恶意申报的办件。作废后办件不再办理。"
        isField={(n) => n === 'kind' || n === 'reason'}
        submit={(x) =>
          call(
            api.POST('/api/v1/cases/{id}/void', { ...path(c), body: { ...v, kind: x.kind, reason: x.reason.trim() } }),
          )
        }
        done="办件已作废。"
        onDone={onDone}
      >
        {() => (
          <>
            <Form.Item name="kind" label="作废原因" rules={chosen('请选择作废原因')}>
              <Radio.Group options={Object.entries(VOID_KIND).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item
              name="reason"
              label="作废说明"
              rules={[required('请填写作废说明'), { min: 2, message: '说明至少2个字' }]}
            >
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
      </ActModal>
    ),
    decideOnTheSpot: () => (
      <ActModal<{
        outcome: 'approved' | 'denied';
        reasons?: string;
        deliveryMethod?: 'window_pickup' | 'post' | 'electronic';
      }>
        key="spot"
        label="当场办结"
        primary
        intro="即办件当场作出决定：准予的，系统当场出具证照。"
        initialValues={{ outcome: 'approved' }}
        isField={(n) => ['outcome', 'reasons', 'deliveryMethod'].includes(n)}
        rename={(n) => n.replace(/^reasons\.\d+$/, 'reasons')}
        submit={(x) =>
          call(
            api.POST('/api/v1/cases/{id}/decide-on-the-spot', {
              ...path(c),
              body: {
                ...v,
                outcome: x.outcome,
                ...(lines(x.reasons).length ? { reasons: lines(x.reasons) } : {}),
                ...(x.deliveryMethod ? { deliveryMethod: x.deliveryMethod } : {}),
              },
            }),
          )
        }
        done="已当场办结。"
        onDone={onDone}
      >
        {() => <DecisionFields delivery />}
      </ActModal>
    ),
    completeStep: () => (
      <ActModal<{ opinion: string }>
        key="step"
        label={`办结“${step?.name ?? '审查'}”环节`}
        primary
        intro="填写本环节的办理意见，提交后办件转到下一环节。"
        isField={(n) => n === 'opinion'}
        submit={(x) =>
          call(api.POST('/api/v1/cases/{id}/steps/complete', { ...path(c), body: { ...v, opinion: x.opinion.trim() } }))
        }
        done={`“${step?.name ?? '审查'}”环节已办结，办件已转到下一环节。`}
        onDone={onDone}
      >
        {() => (
          <Form.Item name="opinion" label="办理意见" rules={[required('请填写办理意见')]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        )}
      </ActModal>
    ),
    decide: () => (
      <ActModal<{ outcome: 'approved' | 'denied'; reasons?: string; remedies?: string }>
        key="decide"
        label="作出决定"
        primary
        intro="作出准予或不予行政许可的决定，系统出具决定书。不予许可的，应写明理由。"
        initialValues={{ outcome: 'approved' }}
        isField={(n) => ['outcome', 'reasons', 'remedies'].includes(n)}
        rename={(n) => n.replace(/^(reasons|remedies)\.\d+$/, '$1')}
        submit={(x) =>
          call(
            api.POST('/api/v1/cases/{id}/decision', {
              ...path(c),
              body: {
                ...v,
                outcome: x.outcome,
                ...(lines(x.reasons).length ? { reasons: lines(x.reasons) } : {}),
                ...(lines(x.remedies).length ? { remedies: lines(x.remedies) } : {}),
              },
            }),
          )
        }
        done="决定已作出，决定书已出具。"
        onDone={onDone}
      >
        {() => <DecisionFields remedies />}
      </ActModal>
    ),
    suspend: () => (
      <ActModal<{ procedure: string; reason: string; plannedWorkingDays: number }>
        key="suspend"
        label="特别程序（中止计时）"
        intro="需要听证、检验、检测、鉴定、专家评审等特别程序时使用（行政许可法第四十五条）。特别程序所需时间不计入办理期限，系统出具告知书。"
        isField={(n) => ['procedure', 'reason', 'plannedWorkingDays'].includes(n)}
        submit={(x) =>
          call(
            api.POST('/api/v1/cases/{id}/suspend', {
              ...path(c),
              body: { ...v, procedure: x.procedure, reason: x.reason.trim(), plannedWorkingDays: x.plannedWorkingDays },
            }),
          )
        }
        done="已进入特别程序，暂停计时。"
        onDone={onDone}
      >
        {() => (
          <>
            <Form.Item name="procedure" label="特别程序" rules={chosen('请选择特别程序')}>
              <Select options={SPECIAL_PROCEDURES.map((p) => ({ value: p, label: p }))} />
            </Form.Item>
            <Form.Item
              name="reason"
              label="理由"
              rules={[required('请填写理由'), { min: 2, message: '理由至少2个字' }]}
            >
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Form.Item name="plannedWorkingDays" label="预计所需工作日" rules={chosen('请填写预计所需工作日')}>
              <InputNumber min={1} max={120} precision={0} style={{ width: 160 }} />
            </Form.Item>
          </>
        )}
      </ActModal>
    ),
    resume: () => (
      <ActModal<object>
        key="resume"
        label="结束特别程序（恢复计时）"
        intro="特别程序已结束，恢复计算办理期限。"
        submit={() => call(api.POST('/api/v1/cases/{id}/resume', { ...path(c), body: v }))}
        done="特别程序已结束，恢复计时。"
        onDone={onDone}
      />
    ),
    requestExtension: () => (
      <ActModal<{ workingDays: number; reason: string }>
        key="extension"
        label="申请延期"
        intro="在办理期限内不能作出决定的，经部门负责人批准可以延期一次，并告知申请人延期理由。"
        isField={(n) => n === 'workingDays' || n === 'reason'}
        submit={(x) =>
          call(
            api.POST('/api/v1/cases/{id}/extension', {
              ...path(c),
              body: { ...v, workingDays: x.workingDays, reason: x.reason.trim() },
            }),
          )
        }
        done="延期申请已提交，待部门负责人审批。"
        onDone={onDone}
      >
        {() => (
          <>
            <Form.Item name="workingDays" label="延长工作日" rules={chosen('请填写延长的工作日数')}>
              <InputNumber min={1} max={3650} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              name="reason"
              label="延期理由"
              rules={[required('请填写延期理由'), { min: 2, message: '理由至少2个字' }]}
            >
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
      </ActModal>
    ),
    reviewExtension: () => (
      <ActModal<{ approve: boolean; comment?: string }>
        key="review-extension"
        label="审批延期"
        primary
        intro={
          c.extension ? (
            <Typography.Paragraph style={{ margin: 0 }}>
              申请延长 {c.extension.workingDays} 个工作日，理由：{c.extension.reason}
            </Typography.Paragraph>
          ) : undefined
        }
        initialValues={{ approve: true }}
        okText="提交审批意见"
        isField={(n) => n === 'approve' || n === 'comment'}
        submit={(x) =>
          call(
            api.POST('/api/v1/cases/{id}/extension/review', {
              ...path(c),
              body: { ...v, approve: x.approve, ...(x.comment?.trim() ? { comment: x.comment.trim() } : {}) },
            }),
          )
        }
        done="延期审批意见已提交。"
        onDone={onDone}
      >
        {() => (
          <>
            <Form.Item name="approve" label="审批意见" rules={chosen('请选择是否同意')}>
              <Radio.Group
                options={[
                  { value: true, label: '同意延期' },
                  { value: false, label: '不同意' },
                ]}
              />
            </Form.Item>
            <Form.Item name="comment" label="说明（选填）">
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
      </ActModal>
    ),
    issueResult: () => (
      <ActModal<{ validUntil?: string; deliveryMethod?: 'window_pickup' | 'post' | 'electronic'; address?: string }>
        key="result"
        label="出具结果（制证）"
        primary
        intro="出具证照并确定送达方式；窗口领取的，系统向申请人发送取件码。"
        initialValues={{ deliveryMethod: c.delivery?.method ?? 'window_pickup' }}
        isField={(n) => ['validUntil', 'deliveryMethod', 'address'].includes(n)}
        submit={(x) =>
          call(
            api.POST('/api/v1/cases/{id}/result', {
              ...path(c),
              body: {
                ...v,
                ...(x.validUntil ? { validUntil: x.validUntil } : {}),
                ...(x.deliveryMethod ? { deliveryMethod: x.deliveryMethod } : {}),
                ...(x.address?.trim() ? { address: x.address.trim() } : {}),
              },
            }),
          ).then((r) => r.case)
        }
        done="证照已出具，办件已办结，待送达。"
        onDone={onDone}
      >
        {() => (
          <>
            <Form.Item name="validUntil" label="证照有效期至（不填为长期有效）">
              <Input type="date" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="deliveryMethod" label="送达方式" rules={chosen('请选择送达方式')}>
              <Select options={deliveryOptions} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item noStyle dependencies={['deliveryMethod']}>
              {({ getFieldValue }) =>
                getFieldValue('deliveryMethod') === 'post' ? (
                  <Form.Item name="address" label="邮寄地址" rules={[required('请填写邮寄地址')]}>
                    <Input maxLength={200} />
                  </Form.Item>
                ) : null
              }
            </Form.Item>
          </>
        )}
      </ActModal>
    ),
    deliver: () => (
      <ActModal<{ method: 'window_pickup' | 'post' | 'electronic'; pickupCode?: string; trackingNumber?: string }>
        key="deliver"
        label="送达"
        primary
        intro="登记结果已送达申请人：窗口领取的核对申请人出示的取件码，邮寄的填写快递单号。"
        initialValues={{ method: c.delivery?.method ?? 'window_pickup' }}
        isField={(n) => ['method', 'pickupCode', 'trackingNumber'].includes(n)}
        submit={(x) =>
          call(
            api.POST('/api/v1/cases/{id}/delivery', {
              ...path(c),
              body: {
                ...v,
                method: x.method,
                ...(x.method === 'window_pickup' && x.pickupCode ? { pickupCode: x.pickupCode.trim() } : {}),
                ...(x.method === 'post' && x.trackingNumber ? { trackingNumber: x.trackingNumber.trim() } : {}),
              },
            }),
          )
        }
        done="已登记送达。"
        onDone={onDone}
      >
        {() => (
          <>
            <Form.Item name="method" label="送达方式" rules={chosen('请选择送达方式')}>
              <Radio.Group options={deliveryOptions} />
            </Form.Item>
            <Form.Item noStyle dependencies={['method']}>
              {({ getFieldValue }) =>
                getFieldValue('method') === 'window_pickup' ? (
                  <Form.Item
                    name="pickupCode"
                    label="取件码（申请人出示的6位数字）"
                    rules={[required('请填写申请人出示的取件码'), { pattern: /^\d{6}$/, message: '取件码为6位数字' }]}
                  >
                    <Input maxLength={6} inputMode="numeric" style={{ width: 200 }} />
                  </Form.Item>
                ) : getFieldValue('method') === 'post' ? (
                  <Form.Item name="trackingNumber" label="快递单号" rules={[required('请填写快递单号')]}>
                    <Input maxLength={40} style={{ width: 300 }} />
                  </Form.Item>
                ) : null
              }
            </Form.Item>
          </>
        )}
      </ActModal>
    ),
    archive: () => (
      <ActModal<object>
        key="archive"
        label="归档"
        intro="办件已办理完毕，归入档案。"
        submit={() => call(api.POST('/api/v1/cases/{id}/archive', { ...path(c), body: v }))}
        done="办件已归档。"
        onDone={onDone}
      />
    ),
  };
  if (acts.length === 0) {
    return <Typography.Paragraph style={{ margin: 0 }}>办件当前状态下没有需要您办理的操作。</Typography.Paragraph>;
  }
  return (
    <ConfigProvider theme={ACCESSIBLE_RED}>
      <Space wrap>{acts.map((a) => modal[a]())}</Space>
    </ConfigProvider>
  );
}

/** 准予 / 不予 with the reasons a denial needs; the delivery method for an on-the-spot result. */
function DecisionFields({ delivery, remedies }: { delivery?: boolean; remedies?: boolean }) {
  return (
    <>
      <Form.Item name="outcome" label="决定" rules={chosen('请选择决定')}>
        <Radio.Group
          options={[
            { value: 'approved', label: '准予许可' },
            { value: 'denied', label: '不予许可' },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['outcome']}>
        {({ getFieldValue }) =>
          getFieldValue('outcome') === 'denied' ? (
            <>
              <Form.Item
                name="reasons"
                label="不予许可的理由（每行一条）"
                rules={[required('不予许可的，应当写明理由'), { min: 2, message: '理由至少2个字' }]}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
              {remedies ? (
                <Form.Item name="remedies" label="救济途径（选填，每行一条；不填按行政复议和行政诉讼告知）">
                  <Input.TextArea rows={2} />
                </Form.Item>
              ) : null}
            </>
          ) : delivery ? (
            <Form.Item name="deliveryMethod" label="送达方式（不填按事项的默认方式）">
              <Select allowClear options={deliveryOptions} style={{ width: 200 }} />
            </Form.Item>
          ) : null
        }
      </Form.Item>
    </>
  );
}
