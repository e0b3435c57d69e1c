import type { ReactNode } from 'react';
import { Alert, Form, Input, Radio, Typography } from 'antd';
import { api, call } from './api';
import type {
  Complaint,
  ComplaintAttachment,
  ComplaintKind,
  ComplaintTargetKind,
  FileComplaintBody,
} from '../api/types';
import { chosen } from './chosen';
import { COMPLAINT_KIND, COMPLAINT_TYPE, KIND_OFFICE } from './complaint-format';
import { NativeSelect } from './native-select';
import { renameFields } from './problem';
import { useLoad } from './states';

/* The fields of a complaint (投诉和举报) as the portal's 我要投诉 and the workbench's 登记投诉 ask them. */

export interface ComplaintValues {
  type: Complaint['type'];
  kind: ComplaintKind;
  target: { kind: ComplaintTargetKind; id?: string };
  content: string;
  complainant: { name?: string; phone?: string; email?: string };
  attachments?: ComplaintAttachment[];
}

/** A case the complaint is about, when it is filed from the case's page. */
export interface CaseTarget {
  id: string;
  label: string;
}

/** The fields the gateway and the service may name in a refusal of a filing, as the form's field paths. */
export const COMPLAINT_FIELDS: readonly string[] = [
  'tenant',
  'type',
  'kind',
  'target.kind',
  'target.id',
  'target',
  'content',
  'complainant.name',
  'complainant.phone',
  'complainant.email',
  'attachments',
];

/** A refusal of a filing with each attachment's violation (`attachmentIds[1]`) at the form's attachments field. */
const atComplaintFields = (error: unknown) =>
  renameFields(error, (name) => (/^attachmentIds(\[\d+\]|\.\d+)?$/.test(name) ? 'attachments' : name));

/**
 * Files the form's values with `tenant`'s center under the form's one request id (`channel`: where staff received it;
 * online when not given). A refusal names the form's fields (COMPLAINT_FIELDS).
 */
export async function fileComplaint(
  tenant: string,
  v: ComplaintValues,
  requestId: string,
  channel?: FileComplaintBody['channel'],
): Promise<Complaint> {
  const body: FileComplaintBody = {
    tenant,
    type: v.type,
    kind: v.kind,
    ...(channel ? { channel } : {}),
    target: v.target.kind === 'none' ? { kind: 'none' } : { kind: v.target.kind, id: v.target.id?.trim() ?? '' },
    content: v.content.trim(),
    complainant: {
      name: v.complainant?.name?.trim() ?? '',
      phone: v.complainant?.phone?.trim() ?? '',
      email: v.complainant?.email?.trim() ?? '',
    },
    ...(v.attachments?.length ? { attachmentIds: v.attachments.map((a) => a.id) } : {}),
    requestId,
  };
  try {
    return (await call(api.POST('/api/v1/complaints', { body }))).complaint;
  } catch (error) {
    throw atComplaintFields(error);
  }
}

/** A complaint about `caseTarget` if one is given, else about a department to be chosen. */
export function complaintStart(caseTarget?: CaseTarget): Partial<ComplaintValues> {
  return { type: 'complaint', target: caseTarget ? { kind: 'case', id: caseTarget.id } : { kind: 'department' } };
}

const KINDS = Object.keys(COMPLAINT_KIND) as ComplaintKind[];

/** The targets chosen by name: the tenant's departments and windows (public lists). */
type Chosen = 'department' | 'window';
const TARGET_CHOICE: Readonly<Record<Chosen | 'staff' | 'none', string>> = {
  department: '进驻部门',
  window: '服务窗口',
  staff: '工作人员',
  none: '不指定',
};

function useTargets(tenant: string) {
  const path = { params: { path: { code: tenant } } };
  return useLoad(
    () =>
      Promise.all([
        call(api.GET('/api/v1/identity/tenants/{code}/departments', path)).then((r) => r.departments),
        call(api.GET('/api/v1/identity/tenants/{code}/windows', path)).then((r) => r.windows),
      ]),
    [tenant],
  );
}

/**
 * What the complaint is about when it is not a given case: a department or a window of the tenant, a member of staff
 * by login name (`staff`: for the center's staff, who know the names; the service looks it up in the tenant), or
 * nothing in particular.
 */
function TargetChoice({ tenant, staff }: { tenant: string; staff: boolean }) {
  const targets = useTargets(tenant);
  const [departments, windows] = targets.data ?? [[], []];
  const kinds = staff
    ? (['department', 'window', 'staff', 'none'] as const)
    : (['department', 'window', 'none'] as const);
  return (
    <>
      <Form.Item name={['target', 'kind']} label="投诉对象">
        <Radio.Group options={kinds.map((k) => ({ value: k, label: TARGET_CHOICE[k] }))} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.target?.kind !== b.target?.kind}>
        {({ getFieldValue }) => {
          const kind = getFieldValue(['target', 'kind']) as ComplaintTargetKind;
          if (kind === 'staff') {
            return (
              <Form.Item
                name={['target', 'id']}
                label="被投诉的工作人员（登录名）"
                rules={[{ required: true, whitespace: true, message: '请填写被投诉工作人员的登录名' }]}
              >
                <Input maxLength={100} autoComplete="off" />
              </Form.Item>
            );
          }
          if (kind !== 'department' && kind !== 'window') return null;
          const options =
            kind === 'department'
              ? departments.map((d) => ({ value: d.code, label: d.name }))
              : windows.map((w) => ({ value: w.id, label: `${w.number} ${w.name}` }));
          return (
            <Form.Item
              name={['target', 'id']}
              label={kind === 'department' ? '被投诉的部门' : '被投诉的窗口'}
              rules={[{ required: true, message: kind === 'department' ? '请选择部门' : '请选择窗口' }]}
            >
              <NativeSelect options={options} />
            </Form.Item>
          );
        }}
      </Form.Item>
    </>
  );
}

/**
 * The fields of a complaint inside its form: 投诉 or 举报 (a report may be anonymous), the kind (which office handles
 * it), the target (`caseTarget` given, or chosen), the content and the complainant's name, mobile and e-mail. `by`:
 * the complainant themselves (the browser may fill in their own name and contact), or staff taking it down for them
 * (not the browser's, which are the clerk's; a member of staff may be named as the target).
 */
export function ComplaintFields({
  tenant,
  caseTarget,
  by,
}: {
  tenant: string;
  caseTarget?: CaseTarget;
  by: 'complainant' | 'staff';
}) {
  const staff = by === 'staff';
  const auto = (what: string) => (staff ? 'off' : what);
  return (
    <>
      <Form.Item name="type" label="类型" extra="举报可以匿名">
        <Radio.Group
          options={(['complaint', 'report'] as const).map((t) => ({ value: t, label: COMPLAINT_TYPE[t] }))}
        />
      </Form.Item>
      <Form.Item name="kind" label="投诉类别" rules={chosen('请选择投诉类别')}>
        <Radio.Group>
          {KINDS.map((k) => (
            <Radio key={k} value={k} style={{ display: 'flex', marginBottom: 4 }}>
              {COMPLAINT_KIND[k]}
              <Typography.Text type="secondary">（由{KIND_OFFICE[k]}办理）</Typography.Text>
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      {caseTarget ? (
        <Form.Item label="投诉对象">
          <Typography.Text>办件：{caseTarget.label}</Typography.Text>
          <Form.Item name={['target', 'kind']} hidden>
            <Input />
          </Form.Item>
          <Form.Item name={['target', 'id']} hidden>
            <Input />
          </Form.Item>
        </Form.Item>
      ) : (
        <TargetChoice tenant={tenant} staff={staff} />
      )}
      <Form.Item
        name="content"
        label="投诉内容"
        extra={
          // Clear of the count below the box's right edge, which a hint wrapping on a phone would run under.
          <span style={{ display: 'block', paddingRight: 88 }}>
            {staff
              ? '记录投诉人反映的时间、地点、经过和诉求（10至2000字）'
              : '请写明时间、地点、经过和您的诉求（10至2000字）'}
          </span>
        }
        rules={[
          { required: true, whitespace: true, message: '请填写投诉内容' },
          { min: 10, max: 2000, message: '投诉内容应为10至2000字' },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 4 }} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.type !== b.type}>
        {({ getFieldValue }) => (
          <Form.Item
            name={['complainant', 'name']}
            label="姓名"
            rules={
              getFieldValue('type') === 'complaint'
                ? [{ required: true, whitespace: true, message: '投诉须留姓名；匿名请选择“举报”' }]
                : []
            }
          >
            <Input autoComplete={auto('name')} maxLength={50} />
          </Form.Item>
        )}
      </Form.Item>
      <Form.Item
        name={['complainant', 'phone']}
        label="手机号码"
        extra="用于告知受理和答复"
        rules={[{ pattern: /^\s*1[3-9][0-9]{9}\s*$/, message: '请填写11位手机号码' }]}
      >
        <Input autoComplete={auto('tel')} inputMode="numeric" maxLength={11} />
      </Form.Item>
      <Form.Item
        name={['complainant', 'email']}
        label="电子邮箱"
        rules={[{ type: 'email', message: '邮箱格式不正确' }]}
      >
        <Input autoComplete={auto('email')} maxLength={254} />
      </Form.Item>
    </>
  );
}

/**
 * A complaint just filed or entered (`done`: 已提交, 已登记): its number, and when it is to be accepted and answered,
 * after `lead` (to whom it is said) and before `tail`; `children` below.
 */
export function FiledNotice({
  c,
  done,
  lead,
  tail,
  children,
}: {
  c: Complaint;
  done: string;
  lead?: string;
  tail?: string;
  children?: ReactNode;
}) {
  return (
    <Alert
      type="success"
      showIcon
      role="status"
      style={{ marginBottom: 16 }}
      message={`${COMPLAINT_TYPE[c.type]}${done}，编号 ${c.number}`}
      description={
        <>
          <p style={{ margin: 0 }}>
            {lead}
            {c.acceptBy}前受理，受理后5个工作日内答复。{tail}
          </p>
          {children}
        </>
      }
    />
  );
}
