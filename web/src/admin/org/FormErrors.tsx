import { Alert } from 'antd';

/** What a failed save says above the form (a field's own message stands at the field), in one line. */
export function FormErrors({ errors }: { errors: string[] }) {
  return errors.length > 0 ? (
    <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} message={errors.join('；')} />
  ) : null;
}
