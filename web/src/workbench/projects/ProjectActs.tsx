import { Form, Input, Radio } from 'antd';
import { api, call } from '../../shared/api';
import type { Project } from '../../api/types';
import { radioGroup } from '../../admin/org/NativeSelect';
import { ActModal, chosen } from '../case/ActModal';
import { CONTENT_FIELDS, contentBody, contentValuesOf, type ProjectContentValues } from './project-content';
import { ProjectFields } from './ProjectFields';

/* The dialogs acting on one project: each sends the version read, the service's refusals at their fields, the
 * project after it answered. */

type Done = (p: Project, done: string) => void;
const path = (id: string) => ({ params: { path: { id } } });
const isContentField = (n: string) => (CONTENT_FIELDS as readonly string[]).includes(n);

/** 修改项目信息 (the 代办员 or the center): the content replaced as a whole. */
export function EditProject({ project, onDone }: { project: Project; onDone: Done }) {
  return (
    <ActModal<ProjectContentValues, Project>
      label="修改项目信息"
      okText="保存"
      intro="保存后项目信息整体更新；清空的栏目即不再填写。"
      initialValues={contentValuesOf(project)}
      isField={isContentField}
      submit={async (v) =>
        (
          await call(
            api.PUT('/api/v1/joint-review/projects/{id}', {
              ...path(project.id),
              body: { expectedVersion: project.version, ...contentBody(v) },
            }),
          )
        ).project
      }
      onDone={onDone}
      done="已保存项目信息。"
    >
      {() => <ProjectFields />}
    </ActModal>
  );
}

/** 移出项目 (the 代办员 or the center): a case attached by mistake leaves the project, with the reason. */
export function DetachCase({ project, c, onDone }: { project: Project; c: Project['cases'][number]; onDone: Done }) {
  return (
    <ActModal<{ reason: string }, Project>
      label="移出"
      title={`将办件 ${c.caseNumber} 移出项目`}
      okText="确认移出"
      small
      danger
      intro={`“${c.itemName}”将不再计入本项目的进度；办件本身照常办理，之后可再关联到正确的项目。`}
      isField={(n) => n === 'reason'}
      submit={async (v) =>
        (
          await call(
            api.POST('/api/v1/joint-review/projects/{id}/cases/{caseId}/detach', {
              params: { path: { id: project.id, caseId: c.caseId } },
              body: { expectedVersion: project.version, reason: v.reason.trim() },
            }),
          )
        ).project
      }
      onDone={onDone}
      done={`已将办件 ${c.caseNumber} 移出项目。`}
    >
      {() => (
        <Form.Item
          name="reason"
          label="移出原因"
          rules={[{ required: true, whitespace: true, message: '请填写移出原因' }]}
        >
          <Input.TextArea rows={2} maxLength={500} placeholder="如：误关联，该办件不属于本项目" />
        </Form.Item>
      )}
    </ActModal>
  );
}

interface CloseForm {
  state: 'completed' | 'closed';
  reason?: string;
}

/** 结束项目 (the center): 已完成 once every case ended, or 关闭 with the reason. */
export function CloseProject({ project, onDone }: { project: Project; onDone: Done }) {
  return (
    <ActModal<CloseForm, Project>
      label="结束项目"
      okText="确认结束"
      danger
      intro="结束后项目不能再修改、关联或移出办件；投资主体仍可查看其进度。"
      isField={(n) => n === 'state' || n === 'reason'}
      submit={async (v) =>
        (
          await call(
            api.POST('/api/v1/joint-review/projects/{id}/close', {
              ...path(project.id),
              body: {
                expectedVersion: project.version,
                state: v.state,
                ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
              },
            }),
          )
        ).project
      }
      onDone={onDone}
      done="项目已结束。"
    >
      {() => (
        <>
          <Form.Item name="state" label="结束方式" rules={chosen('请选择结束方式')}>
            <Radio.Group
              {...radioGroup('结束方式')}
              options={[
                { value: 'completed', label: '已完成（所关联办件均已办结）' },
                { value: 'closed', label: '关闭（项目终止或不再推进）' },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label="原因"
            dependencies={['state']}
            rules={[
              ({ getFieldValue }) => ({
                required: getFieldValue('state') === 'closed',
                whitespace: true,
                message: '关闭项目须说明原因',
              }),
            ]}
          >
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      )}
    </ActModal>
  );
}
