/**
 * The rule of a select or a radio group that must be chosen. Not antd's `required`: Form.Item would put
 * `aria-required` on the control's outer element, which has no role that allows it (axe: aria-allowed-attr).
 */
export function chosen(message: string) {
  return [
    {
      validator: (_rule: unknown, value: unknown) =>
        value === undefined || value === null || value === '' ? Promise.reject(new Error(message)) : Promise.resolve(),
    },
  ];
}
