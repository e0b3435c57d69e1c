import { Descriptions, Typography } from 'antd';
import type { FormEntry } from './form-fields';

/** A form's filled-in fields as labelled rows (`formEntries`), or `empty` when it has none. */
export function FormEntries({ entries, empty }: { entries: FormEntry[]; empty: string }) {
  if (entries.length === 0) return <Typography.Paragraph style={{ margin: 0 }}>{empty}</Typography.Paragraph>;
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
      {entries.map((e) => (
        <Descriptions.Item key={e.path} label={e.label}>
          {e.value}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
