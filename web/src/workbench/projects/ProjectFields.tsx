import type { ReactNode } from 'react';
import { Checkbox, Form, Input, InputNumber } from 'antd';
import { NativeSelect } from '../../admin/org/NativeSelect';
import { PROJECT_AUTHORISATION, PROJECT_KIND } from '../../shared/labels';
import { fenOfWan, wanOfFen } from './project-format';

const choicesOf = <K extends string>(names: Readonly<Record<K, string>>) =>
  (Object.keys(names) as K[]).map((k) => ({ value: k, label: names[k] }));

/**
 * A project's content as form fields (新建项目, 修改项目信息): name, code, kind, authorisation, investment in 万元
 * (held in fen), location, description, public query and classified. The investor, when asked, comes after 审批方式
 * (`investor`).
 */
export function ProjectFields({ investor }: { investor?: ReactNode }) {
  return (
    <>
      <Form.Item name="name" label="项目名称" rules={[{ required: true, whitespace: true, message: '请填写项目名称' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="projectCode" label="项目代码" extra="投资项目在线审批监管平台赋予的代码；没有的不填">
        <Input maxLength={24} autoComplete="off" placeholder="如 2026-620321-44-01-000123" />
      </Form.Item>
      <Form.Item name="kind" label="项目类型" rules={[{ required: true, message: '请选择项目类型' }]}>
        <NativeSelect choices={choicesOf(PROJECT_KIND)} placeholder="请选择项目类型" />
      </Form.Item>
      <Form.Item name="authorisation" label="审批方式" rules={[{ required: true, message: '请选择审批方式' }]}>
        <NativeSelect choices={choicesOf(PROJECT_AUTHORISATION)} placeholder="请选择审批方式" />
      </Form.Item>
      {investor}
      <Form.Item
        name="totalInvestmentFen"
        label="总投资（万元）"
        normalize={(wan?: number | null) => (wan === null || wan === undefined ? undefined : fenOfWan(wan))}
        getValueProps={(fen?: number) => ({ value: fen === undefined ? undefined : wanOfFen(fen) })}
      >
        <InputNumber min={0} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="location" label="建设地点">
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label="项目概况">
        <Input.TextArea maxLength={2000} rows={3} />
      </Form.Item>
      <Form.Item name="publicProgress" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>允许公众通过“重大项目进度查询”查看进度（脱敏）</Checkbox>
      </Form.Item>
      <Form.Item name="classified" valuePropName="checked">
        <Checkbox>涉密项目（不公开，不参与公开查询）</Checkbox>
      </Form.Item>
    </>
  );
}
