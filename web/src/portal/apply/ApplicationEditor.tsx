import { useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { api, call } from '../../shared/api';
import type { Case } from '../../api/types';
import { ItemForm } from '../../shared/item-form';
import { ApiError, messageOf } from '../../shared/problem';
import { idempotencyKey } from '../common/form-problem';
import { FormMessages } from '../../shared/form-messages';
import type { PublishedItem } from '../common/types';
import { MaterialsPanel } from './MaterialsPanel';
import { groupProblems, parseSchema, problemPlace } from './problems';

/** The statuses in which the applicant edits the application (the service's EDITABLE). */
export const EDITABLE: readonly Case['status'][] = ['draft', 'returned', 'supplement'];

export interface EditorProps {
  c: Case;
  item: PublishedItem;
  onCase: (c: Case) => void;
  /** The case went into pre-review. */
  onSubmitted: (c: Case) => void;
}

/** The problems the applicant is asked to fix, item by item, each with the place to fix it. */
export function ProblemList({ c, item }: { c: Case; item: PublishedItem }) {
  const schema = useMemo(() => parseSchema(item.content?.form.jsonSchema ?? ''), [item]);
  if (c.problems.length === 0) return null;
  const materialName = (id: string) =>
    item.content?.materials.find((m) => m.id === id)?.name ?? c.materials.find((m) => m.materialId === id)?.name;
  const notice = c.status === 'supplement';
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      message={
        notice
          ? `一次性告知：请按以下 ${c.problems.length} 项意见补正后重新提交`
          : `自动预审未通过：请按以下 ${c.problems.length} 项提示修改后重新提交`
      }
      description={
        <ol className="problem-list" style={{ margin: 0, paddingLeft: 20 }}>
          {c.problems.map((p, i) => (
            <li key={i}>
              <strong>{problemPlace(p, schema, materialName)}</strong>：{p.message}
            </li>
          ))}
        </ol>
      }
    />
  );
}

/**
 * The application as the applicant edits it: the item's form (rendered by the shared ItemForm), the materials and
 * the submit. Used to apply (a draft) and to fix a returned case or supplement after a one-time notice.
 */
export function ApplicationEditor({ c, item, onCase, onSubmitted }: EditorProps) {
  const [formData, setFormData] = useState<unknown>(c.formData);
  const [dirty, setDirty] = useState(false);
  const [uploading, setUploading] = useState(0);
  const [busy, setBusy] = useState<'save' | 'submit'>();
  const [messages, setMessages] = useState<string[]>([]);
  const [apiFields, setApiFields] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string>();
  const submitKey = useRef<string | undefined>(undefined);
  const content = item.content;
  // Stable while the problems are the same: a new errors object makes the form drop the errors it is showing.
  const problemsKey = JSON.stringify(c.problems);
  const grouped = useMemo(() => groupProblems(JSON.parse(problemsKey) as Case['problems']), [problemsKey]);
  const serverErrors = useMemo(() => ({ ...grouped.fields, ...apiFields }), [grouped.fields, apiFields]);
  const clearApiFields = () => setApiFields((f) => (Object.keys(f).length > 0 ? {} : f));

  const fail = (e: unknown) => {
    if (e instanceof ApiError) {
      const formFields = Object.fromEntries(
        Object.entries(e.problem.fields).filter(([k]) => k === 'formData' || k.startsWith('formData.')),
      );
      if (Object.keys(formFields).length > 0) setApiFields(formFields);
      else clearApiFields();
      const others = Object.entries(e.problem.fields)
        .filter(([k]) => !(k in formFields))
        .map(([, m]) => m);
      setMessages([Object.keys(formFields).length > 0 ? `${e.message}（见申请表中标红的栏目）` : e.message, ...others]);
    } else {
      setMessages([messageOf(e)]);
    }
  };

  /** Stores the form data when it changed; answers the case after it. */
  const saveIfChanged = async (current: Case): Promise<Case> => {
    if (!dirty) return current;
    const next = await call(
      api.PUT('/api/v1/cases/{id}/draft', {
        params: { path: { id: current.id } },
        body: { formData: (formData ?? {}) as Record<string, never>, expectedVersion: current.version },
      }),
    );
    setDirty(false);
    onCase(next);
    return next;
  };

  const save = async () => {
    setBusy('save');
    setMessages([]);
    clearApiFields();
    setSaved(undefined);
    try {
      await saveIfChanged(c);
      setSaved('已保存。您可以稍后在“我的办件 › 草稿”中继续填写。');
    } catch (e) {
      fail(e);
    } finally {
      setBusy(undefined);
    }
  };

  const missing = (content?.materials ?? []).filter((spec) => {
    if (!spec.required) return false;
    const held = c.materials.find((m) => m.materialId === spec.id);
    return !held || (held.files.length === 0 && held.licence?.valid !== true);
  });

  const submit = async () => {
    setSaved(undefined);
    // The form is checked by the service at submission (FORM_DATA_INVALID, each problem at its field): the shared
    // validator cannot compile schemas in the browser under the gateway's CSP (no 'unsafe-eval'; see the report).
    setMessages([]);
    clearApiFields();
    if (missing.length > 0) {
      setMessages([`还有 ${missing.length} 项必需的材料没有提供：${missing.map((m) => m.name).join('、')}`]);
      return;
    }
    setBusy('submit');
    try {
      let current = await saveIfChanged(c);
      if (!current.uploadComplete) {
        current = await call(
          api.POST('/api/v1/cases/{id}/upload-complete', {
            params: { path: { id: current.id } },
            body: { expectedVersion: current.version },
          }),
        );
        onCase(current);
      }
      submitKey.current ??= idempotencyKey('submit');
      const answered = await call(
        api.POST('/api/v1/cases/{id}/submit', {
          params: { path: { id: current.id }, header: { 'idempotency-key': submitKey.current } },
          body: { expectedVersion: current.version },
        }),
      );
      submitKey.current = undefined;
      onCase(answered);
      if (answered.status === 'pre_review') onSubmitted(answered);
      else setMessages(['申请未通过自动预审，请按页面上方列出的问题修改后重新提交']);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(undefined);
    }
  };

  const resubmit = c.status !== 'draft';
  return (
    <>
      <ProblemList c={c} item={item} />
      <Card title="申请表" style={{ marginBottom: 16 }}>
        <ItemForm
          jsonSchema={content?.form.jsonSchema ?? ''}
          uiSchema={content?.form.uiSchema ?? ''}
          formData={formData}
          onChange={(data) => {
            setFormData(data);
            setDirty(true);
          }}
          serverErrors={serverErrors}
          idPrefix="apply"
        >
          <Typography.Text type="secondary">填写后请在下方提供申请材料，再提交申请。</Typography.Text>
        </ItemForm>
      </Card>
      <MaterialsPanel
        c={c}
        specs={content?.materials ?? []}
        problems={grouped.byMaterial}
        editable
        onCase={onCase}
        onBusy={setUploading}
      />
      <Card style={{ marginBottom: 16 }}>
        <FormMessages messages={messages} gap={12} />
        {saved ? <Alert type="success" showIcon role="status" message={saved} style={{ marginBottom: 12 }} /> : null}
        {uploading > 0 ? (
          <Typography.Paragraph type="secondary">材料正在上传，完成后即可保存或提交。</Typography.Paragraph>
        ) : null}
        <Space wrap>
          <Button onClick={() => void save()} loading={busy === 'save'} disabled={uploading > 0 || busy === 'submit'}>
            保存草稿
          </Button>
          <Button
            type="primary"
            onClick={() => void submit()}
            loading={busy === 'submit'}
            disabled={uploading > 0 || busy === 'save'}
          >
            {resubmit ? '重新提交' : '提交申请'}
          </Button>
          {c.status === 'draft' ? <DeleteDraft c={c} disabled={uploading > 0 || busy !== undefined} /> : null}
        </Space>
      </Card>
    </>
  );
}

/** 删除草稿: a draft never submitted is voided (it leaves 我的办件's drafts); asked once more before. */
function DeleteDraft({ c, disabled }: { c: Case; disabled: boolean }) {
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const remove = async () => {
    setError(undefined);
    try {
      await call(
        api.POST('/api/v1/cases/{id}/void-draft', {
          params: { path: { id: c.id } },
          body: { expectedVersion: c.version, reason: '申请人删除草稿' },
        }),
      );
      navigate('/my?list=drafts', { state: { deleted: c.itemName } });
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <>
      <Popconfirm
        title="删除这份草稿？"
        description="删除后草稿中填写的内容和上传的材料不再保留。"
        okText="删除"
        cancelText="取消"
        okButtonProps={{ danger: true }}
        onConfirm={() => remove()}
      >
        <Button danger disabled={disabled} autoInsertSpace={false}>
          删除草稿
        </Button>
      </Popconfirm>
      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 12 }} /> : null}
    </>
  );
}
