import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Col, Form, Input, Row, Space, Typography } from 'antd';
import type Core from '@rjsf/core';
import { ItemForm } from '../../shared/item-form';
import { parseJson } from './model';
import { schemaProblem } from './schema-check';
import { H3 } from './sections';

const SCHEMA = ['content', 'form', 'jsonSchema'];
const UI = ['content', 'form', 'uiSchema'];

/** The schema's problem while it is typed: not JSON, or not a JSON Schema the catalogue would accept. */
function checkSchemaText(text: string): string | undefined {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed.message;
  if (parsed.value === undefined) return undefined;
  return schemaProblem(parsed.value);
}

function checkUiText(text: string): string | undefined {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed.message;
  const v = parsed.value;
  if (v !== undefined && (typeof v !== 'object' || v === null || Array.isArray(v)))
    return '界面描述应为 JSON 对象（{…}）';
  return undefined;
}

const pretty = (text: string) => {
  const parsed = parseJson(text);
  return parsed.ok && parsed.value !== undefined ? JSON.stringify(parsed.value, null, 2) : text;
};

/**
 * 表单设计: the item's JSON Schema and UI schema as text, each checked while it is typed (the problem shown under
 * it), beside a live preview rendered by the shared ItemForm exactly as the portal's apply page renders it, with
 * the browser's checks at the preview's fields.
 */
export function FormBuilder({ readOnly }: { readOnly: boolean }) {
  const form = Form.useFormInstance();
  const jsonSchema = (Form.useWatch(SCHEMA, form) as string | undefined) ?? '';
  const uiSchema = (Form.useWatch(UI, form) as string | undefined) ?? '';
  const [sample, setSample] = useState<unknown>({});
  const preview = useRef<Core>(null);
  const problem = useMemo(() => checkSchemaText(jsonSchema) ?? checkUiText(uiSchema), [jsonSchema, uiSchema]);

  return (
    <Row gutter={24}>
      <Col xs={24} lg={12}>
        <Typography.Paragraph type="secondary">
          表单结构按 JSON Schema（2020-12）填写：每个字段写在 properties 中，title 是申请人看到的字段名称；界面描述（UI
          Schema）设置字段顺序、占位提示等。修改后右侧预览立即更新。
        </Typography.Paragraph>
        <Form.Item
          name={SCHEMA}
          label="表单结构（JSON Schema）"
          validateTrigger={['onChange', 'onBlur']}
          rules={[
            {
              validator: (_r, value: string | undefined) => {
                const message = checkSchemaText(value ?? '');
                return message ? Promise.reject(new Error(message)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input.TextArea
            className="code-text"
            autoSize={{ minRows: 12, maxRows: 30 }}
            spellCheck={false}
            style={{ fontFamily: 'monospace', fontSize: 13 }}
          />
        </Form.Item>
        <Form.Item
          name={UI}
          label="界面描述（UI Schema）"
          validateTrigger={['onChange', 'onBlur']}
          rules={[
            {
              validator: (_r, value: string | undefined) => {
                const message = checkUiText(value ?? '');
                return message ? Promise.reject(new Error(message)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 16 }}
            spellCheck={false}
            style={{ fontFamily: 'monospace', fontSize: 13 }}
          />
        </Form.Item>
        {readOnly ? null : (
          <Button
            onClick={() =>
              form.setFields([
                { name: SCHEMA, value: pretty(jsonSchema) },
                { name: UI, value: pretty(uiSchema) },
              ])
            }
          >
            整理格式
          </Button>
        )}
      </Col>
      <Col xs={24} lg={12}>
        <section aria-label="表单预览" className="form-preview">
          <h2 style={H3}>预览（申请人看到的表单）</h2>
          {problem ? (
            <Alert type="warning" showIcon message="表单定义有误，改正后显示预览" description={problem} />
          ) : (
            <ItemForm
              jsonSchema={jsonSchema}
              uiSchema={uiSchema}
              formData={sample}
              onChange={setSample}
              liveValidate
              idPrefix="preview"
              formRef={preview}
            >
              <Space>
                <Button onClick={() => preview.current?.validateForm()}>检查填写</Button>
                <Button onClick={() => setSample({})}>清空预览</Button>
              </Space>
            </ItemForm>
          )}
        </section>
      </Col>
    </Row>
  );
}
