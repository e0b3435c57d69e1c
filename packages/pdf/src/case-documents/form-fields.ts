/** The part of a JSON Schema a printed form needs: titles, nesting and the titles of enumerated values. */
export interface FormSchema {
  title?: string;
  type?: string | string[];
  properties?: Record<string, FormSchema>;
  items?: FormSchema;
  enum?: unknown[];
  oneOf?: FormSchema[];
  anyOf?: FormSchema[];
  const?: unknown;
}

export interface FormField {
  label: string;
  value: string;
}

/**
 * The form data flattened to label/value lines: labels are the schema's `title`s (the property name where a
 * property has none), nested objects joined as 父 / 子, array entries numbered （1）（2）; values in Chinese (是/否,
 * the title of an enumerated value). Properties follow the schema's order; data the schema does not describe
 * follows, under its own name, so nothing submitted is left off the printed copy.
 */
export function flattenForm(schema: FormSchema, data: unknown): FormField[] {
  const fields: FormField[] = [];
  walk(schema, data, [], fields);
  return fields;
}

function walk(schema: FormSchema | undefined, value: unknown, path: string[], out: FormField[]): void {
  if (value === undefined) return;
  if (Array.isArray(value)) {
    if (value.length === 0) out.push({ label: label(path), value: '—' });
    value.forEach((entry, i) =>
      walk(schema?.items, entry, [...path.slice(0, -1), `${path.at(-1) ?? ''}（${i + 1}）`], out),
    );
    return;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const described = Object.keys(schema?.properties ?? {});
    const keys = [...described, ...Object.keys(record).filter((k) => !described.includes(k))];
    for (const key of keys) {
      const child = schema?.properties?.[key];
      walk(child, record[key], [...path, child?.title ?? key], out);
    }
    return;
  }
  out.push({ label: label(path), value: scalar(schema, value) });
}

const label = (path: string[]) => path.join(' / ') || '（表单）';

function scalar(schema: FormSchema | undefined, value: unknown): string {
  const named = [...(schema?.oneOf ?? []), ...(schema?.anyOf ?? [])].find((s) => s.const === value && s.title);
  if (named?.title) return named.title;
  if (value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value as string | number);
}
