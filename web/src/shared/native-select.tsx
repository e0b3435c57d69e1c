import type { CSSProperties, SelectHTMLAttributes } from 'react';

/**
 * A native select's look beside antd's inputs: the phone's own picker, and labelled by its Form.Item as antd's
 * Select is not.
 */
export const NATIVE_SELECT: CSSProperties = {
  width: '100%',
  height: 32,
  padding: '0 8px',
  border: '1px solid #d9d9d9',
  borderRadius: 6,
  background: '#fff',
  color: 'rgba(0,0,0,0.88)',
  fontSize: 14,
};

/**
 * A native select with 请选择 first (the empty value) and `options` after it, in NATIVE_SELECT's look. Inside a
 * Form.Item it takes the item's value, onChange and id like the bare element.
 */
export function NativeSelect({
  options,
  ...rest
}: { options: readonly { value: string; label: string }[] } & Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'children' | 'style'
>) {
  return (
    <select style={NATIVE_SELECT} {...rest}>
      <option value="">请选择</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
