import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Button, Form, Input } from 'antd';
import { defaultPeriod } from './format';
import { FormMessages, showOnForm } from './form-messages';

/** A period of China dates, inclusive. */
export type Period = { from: string; to: string };
const FIELDS: (keyof Period)[] = ['from', 'to'];

/** A report form's period: 开始日期 and 结束日期 (fields `from` and `to`, China dates). */
export function PeriodFields() {
  return (
    <>
      <Form.Item name="from" label="开始日期">
        <Input type="date" style={{ width: 170 }} />
      </Form.Item>
      <Form.Item name="to" label="结束日期">
        <Input type="date" style={{ width: 170 }} />
      </Form.Item>
    </>
  );
}

/**
 * A report over a period (统计期间: 开始日期, 结束日期, 统计), the month so far at first: `load` reads the figures
 * of the chosen period; the service's refusals (a reversed or too long period) are shown at their fields. With
 * `atOnce` the first period is read when the page opens.
 */
export function usePeriodReport<T>(
  load: (period: Period) => Promise<T>,
  options: { atOnce?: boolean } = {},
): { form: ReactNode; shown: { period: Period; figures: T } | undefined } {
  const [form] = Form.useForm<Partial<Period>>();
  const initial = useMemo(() => defaultPeriod(new Date()), []);
  const [shown, setShown] = useState<{ period: Period; figures: T }>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const run = async (v: Partial<Period>) => {
    const period = { from: v.from ?? '', to: v.to ?? '' };
    setBusy(true);
    setErrors([]);
    form.setFields(FIELDS.map((name) => ({ name, errors: [] })));
    try {
      setShown({ period, figures: await load(period) });
    } catch (e) {
      setShown(undefined);
      setErrors(showOnForm(form, e, FIELDS));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    if (options.atOnce) void run(initial);
    // Once, when the page opens.
  }, []);
  return {
    shown,
    form: (
      <>
        <Form<Partial<Period>>
          form={form}
          layout="inline"
          initialValues={initial}
          onFinish={() => void run(form.getFieldsValue())}
          style={{ marginBottom: 16, rowGap: 8 }}
          aria-label="统计期间"
        >
          <PeriodFields />
          <Button type="primary" htmlType="submit" loading={busy}>
            统计
          </Button>
        </Form>
        <FormMessages messages={errors} />
      </>
    ),
  };
}
