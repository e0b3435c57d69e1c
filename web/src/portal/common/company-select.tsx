import { Select } from 'antd';

/**
 * Whose records a page shows: '' (the person, or all their companies: `none` names it) or one company the person
 * holds or acts for, passed on as `onBehalfOf`.
 */
export function CompanySelect({
  id,
  label,
  none,
  companies,
  value,
  onChange,
}: {
  id: string;
  label: string;
  none: string;
  companies: readonly { id: string; name: string }[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field" style={{ marginBottom: 16 }}>
      <label htmlFor={id}>{label}</label>
      <Select
        id={id}
        style={{ minWidth: 240 }}
        value={value}
        onChange={onChange}
        options={[{ value: '', label: none }, ...companies.map((c) => ({ value: c.id, label: c.name }))]}
      />
    </div>
  );
}
