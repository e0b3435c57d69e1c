import type { CSSProperties } from 'react';

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
