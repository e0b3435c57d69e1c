import { Component, useMemo, type ReactNode, type Ref } from 'react';
import { Alert } from 'antd';
import Form from '@rjsf/antd';
import type Core from '@rjsf/core';
import type { IChangeEvent } from '@rjsf/core';
import { parseForm } from './parse-form';
import { errorSchemaOf } from './server-errors';
import { translateString } from './translations';
import { itemFormValidator, transformErrors } from './validator';

export interface ItemFormProps {
  /** The item's JSON Schema and UI schema, JSON text as the catalogue holds them. */
  jsonSchema: string;
  uiSchema: string;
  formData: unknown;
  onChange?: (formData: unknown) => void;
  /** Called with valid data only (the browser's check passed). */
  onSubmit?: (formData: unknown) => void;
  /** The API's field messages (ShownProblem.fields); `formData.*` ones are shown at their fields. */
  serverErrors?: Record<string, string>;
  readOnly?: boolean;
  /** Buttons under the form (its own submit button is hidden when given). */
  children?: ReactNode;
  /** Validate while typing (the form builder's preview does). */
  liveValidate?: boolean;
  /** `id` prefix of the fields (two forms on one page need different ones). */
  idPrefix?: string;
  formRef?: Ref<Core>;
}

class RenderFailure extends Component<{ children: ReactNode; resetKey: string }, { error?: Error; key?: string }> {
  override state: { error?: Error; key?: string } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  static getDerivedStateFromProps(
    props: { resetKey: string },
    state: { error?: Error; key?: string },
  ): { error?: Error; key?: string } | null {
    return props.resetKey !== state.key ? { error: undefined, key: props.resetKey } : null;
  }
  override render() {
    if (this.state.error)
      return <Alert type="error" showIcon message="表单无法显示" description={this.state.error.message} />;
    return this.props.children;
  }
}

/**
 * An item's application form (申请表), rendered from its JSON Schema by react-jsonschema-form with antd widgets:
 * the portal's apply page, the workbench's case page (read-only) and the form builder's live preview all render it
 * here, so the administrator sees what the applicant will see. Problems show at their fields, in Chinese, whether
 * the browser or the server found them.
 */
export function ItemForm(props: ItemFormProps) {
  const { jsonSchema, uiSchema, serverErrors, readOnly, children, liveValidate, idPrefix = 'form' } = props;
  const parsed = useMemo(() => parseForm(jsonSchema, uiSchema), [jsonSchema, uiSchema]);
  const extraErrors = useMemo(() => (serverErrors ? errorSchemaOf(serverErrors) : undefined), [serverErrors]);
  if (!parsed.ok) return <Alert type="error" showIcon message="表单定义有误" description={parsed.message} />;
  if (Object.keys(parsed.schema).length === 0) return <Alert type="info" showIcon message="该事项无需填写申请表单" />;
  const own = parsed.uiSchema['ui:submitButtonOptions'] as Record<string, unknown> | undefined;
  const ui = {
    ...parsed.uiSchema,
    'ui:submitButtonOptions': {
      submitText: '提交',
      props: { type: 'primary' },
      ...own,
      norender: Boolean(children) || readOnly,
    },
  };
  return (
    <RenderFailure resetKey={`${jsonSchema}\u0000${uiSchema}`}>
      <Form
        ref={props.formRef}
        schema={parsed.schema}
        uiSchema={ui}
        formData={props.formData}
        validator={itemFormValidator}
        transformErrors={transformErrors}
        translateString={translateString}
        extraErrors={extraErrors}
        extraErrorsBlockSubmit={false}
        showErrorList={false}
        focusOnFirstError
        liveValidate={liveValidate ? 'onChange' : undefined}
        readonly={readOnly}
        idPrefix={idPrefix}
        noHtml5Validate
        onChange={(e: IChangeEvent) => props.onChange?.(e.formData)}
        onSubmit={(e: IChangeEvent) => props.onSubmit?.(e.formData)}
        // The problems are shown at their fields; rjsf would also log them to the console.
        onError={() => undefined}
      >
        {children}
      </Form>
    </RenderFailure>
  );
}
