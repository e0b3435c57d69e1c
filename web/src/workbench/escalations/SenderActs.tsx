import { Checkbox, Form, Input } from 'antd';
import { api, call } from '../../shared/api';
import type { Case, Escalation } from '../../api/types';
import { useLoad } from '../../shared/states';
import { ActCard } from './ActCard';

interface ForwardValues {
  targetDepartment?: string;
  note?: string;
}
interface ResupplyValues {
  note: string;
  caseFileIds?: string[];
}
interface FollowUpValues {
  text: string;
  contact?: string;
}

const trimmed = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/**
 * The case's files to choose for a supplement: the case's materials as they are now (the applicant may have added
 * files since the forwarding), or the forwarded snapshot's while the case cannot be read.
 */
function caseFileChoices(e: Escalation, now: Case | undefined) {
  if (now) {
    return now.materials.flatMap((m) => m.files.map((f) => ({ value: f.id, label: `${m.name}：${f.fileName}` })));
  }
  const names = new Map(e.files.map((f) => [f.id, f.fileName]));
  return e.case.materials.flatMap((m) =>
    m.fileIds.map((id) => ({ value: id, label: `${m.name}：${names.get(id) ?? id}` })),
  );
}

/** The lower center's acts on its sender record: 报送, 补充材料, 登记跟踪. */
export function SenderActs({ e, onChanged }: { e: Escalation; onChanged: () => void }) {
  const path = { params: { path: { id: e.id } } };
  const ended = e.state === 'concluded' || e.state === 'withdrawn';
  const returned = e.state === 'returned';
  const caseNow = useLoad(
    () =>
      returned
        ? call(api.GET('/api/v1/cases/{id}', { params: { path: { id: e.case.caseId } } }))
        : Promise.resolve(undefined),
    [returned, e.case.caseId],
  );
  return (
    <>
      {e.state === 'awaiting_forward' ? (
        <ActCard<ForwardValues>
          title="报送上级"
          fields={['targetDepartment', 'note']}
          button="报送"
          done="已报送，材料正在传送给上级中心。"
          act={async (v) => {
            await call(
              api.POST('/api/v1/joint-review/escalations/{id}/forward', {
                ...path,
                body: {
                  expectedVersion: e.version,
                  ...(trimmed(v.targetDepartment) ? { targetDepartment: trimmed(v.targetDepartment) } : {}),
                  ...(trimmed(v.note) ? { note: trimmed(v.note) } : {}),
                },
              }),
            );
            onChanged();
          }}
        >
          <Form.Item name="targetDepartment" label="上级办理部门" extra="不填则按本中心为本部门设置的上报路线报送">
            <Input maxLength={30} autoComplete="off" placeholder="部门编码，如 620300-SCJG" />
          </Form.Item>
          <Form.Item name="note" label="报送说明">
            <Input.TextArea maxLength={2000} rows={3} />
          </Form.Item>
        </ActCard>
      ) : null}
      {returned ? (
        <ActCard<ResupplyValues>
          title="补充材料"
          fields={['note', 'caseFileIds']}
          button="报送补充材料"
          done="已报送补充材料。"
          act={async (v) => {
            await call(
              api.POST('/api/v1/joint-review/escalations/{id}/resupply', {
                ...path,
                body: { expectedVersion: e.version, note: v.note.trim(), caseFileIds: v.caseFileIds ?? [] },
              }),
            );
            onChanged();
          }}
        >
          <Form.Item
            name="note"
            label="补充说明"
            rules={[{ required: true, whitespace: true, message: '请填写补充说明' }]}
          >
            <Input.TextArea maxLength={2000} rows={3} />
          </Form.Item>
          <Form.Item
            name="caseFileIds"
            label="随补充报送的办件材料"
            extra="申请人补交的材料在办件材料中，勾选后一并报送上级"
          >
            {caseNow.loading && !caseNow.data ? (
              // The choices change once the case is read: none to tick until then.
              <span>正在读取办件材料…</span>
            ) : (
              <Checkbox.Group options={caseFileChoices(e, caseNow.data)} style={{ display: 'grid', gap: 8 }} />
            )}
          </Form.Item>
        </ActCard>
      ) : null}
      {!ended ? (
        <ActCard<FollowUpValues>
          title="登记跟踪"
          fields={['text', 'contact']}
          button="登记"
          done="已登记跟踪情况。"
          act={async (v) => {
            // A note commutes with the parent's status flowing down meanwhile: the service records it on the
            // record's current version.
            await call(
              api.POST('/api/v1/joint-review/escalations/{id}/follow-ups', {
                ...path,
                body: {
                  expectedVersion: e.version,
                  text: v.text.trim(),
                  ...(trimmed(v.contact) ? { contact: trimmed(v.contact) } : {}),
                },
              }),
            );
            onChanged();
          }}
        >
          <Form.Item
            name="text"
            label="跟踪情况"
            rules={[{ required: true, whitespace: true, message: '请填写跟踪情况' }]}
          >
            <Input.TextArea maxLength={2000} rows={2} />
          </Form.Item>
          <Form.Item name="contact" label="联系的上级人员">
            <Input maxLength={200} />
          </Form.Item>
        </ActCard>
      ) : null}
    </>
  );
}
