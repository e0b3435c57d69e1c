import type { SelectHTMLAttributes } from 'react';

export interface Choice {
  value: string;
  label: string;
}

/**
 * A native select inside an antd Form.Item (which gives it `id`, `value` and `onChange`): the phone's own picker,
 * a label screen readers know, and a first empty choice saying what to pick.
 */
export function NativeSelect({
  choices,
  placeholder,
  value,
  ...rest
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value'> & {
  choices: Choice[];
  placeholder?: string;
  value?: string;
}) {
  return (
    <select
      {...rest}
      value={value ?? ''}
      style={{
        width: '100%',
        height: 32,
        padding: '0 8px',
        border: '1px solid #d9d9d9',
        borderRadius: 4,
        background: rest.disabled ? '#f5f5f5' : '#fff',
        color: 'rgba(0,0,0,0.88)',
        fontSize: 14,
      }}
    >
      <option value="">{placeholder ?? '请选择'}</option>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

/**
 * Props making an antd Radio.Group a named radio group: Form.Item marks its control `aria-required`, which a plain
 * div may not carry (axe: aria-allowed-attr). antd passes `role` through but does not declare it.
 */
export function radioGroup(label: string): object {
  return { role: 'radiogroup', 'aria-label': label };
}
