/**
 * The fields of an item's form as a clerk names them: the JSON Schema's titles along the path (经营者 · 统一社会信用代码),
 * for the one-time-notice composer's field choice and for listing a case's form data.
 */

export interface FormField {
  /** Dotted path in the form data: `operator.creditCode`. */
  path: string;
  /** The titles from the form's root down, joined: `经营者 · 统一社会信用代码`. */
  label: string;
}

interface SchemaNode {
  title?: unknown;
  type?: unknown;
  properties?: Record<string, SchemaNode>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The leaf fields of a form's JSON Schema (text), in the schema's order; nothing for a schema that cannot be read. */
export function formFields(jsonSchema: string | undefined): FormField[] {
  let root: unknown;
  try {
    root = jsonSchema ? JSON.parse(jsonSchema) : undefined;
  } catch {
    return [];
  }
  const fields: FormField[] = [];
  const walk = (node: SchemaNode, path: string[], labels: string[]) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (!isObject(child)) continue;
      const label = typeof child.title === 'string' && child.title ? child.title : key;
      if (isObject(child.properties)) walk(child, [...path, key], [...labels, label]);
      else fields.push({ path: [...path, key].join('.'), label: [...labels, label].join(' · ') });
    }
  };
  if (isObject(root)) walk(root as SchemaNode, [], []);
  return fields;
}

export interface FormEntry {
  path: string;
  label: string;
  value: string;
}

/** A value as text: lists joined with 、, yes/no in Chinese, nothing as —. */
function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(shown).join('、');
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (isObject(value)) return JSON.stringify(value);
  return String(value as string | number);
}

/**
 * The form data's leaves with their labels: the schema's fields in order (those filled in), then anything the data
 * has that the schema does not name, under its path.
 */
export function formEntries(fields: FormField[], formData: unknown): FormEntry[] {
  const leaves = new Map<string, unknown>();
  const walk = (value: unknown, path: string[]) => {
    if (isObject(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    } else if (path.length > 0) {
      leaves.set(path.join('.'), value);
    }
  };
  walk(formData, []);
  const entries: FormEntry[] = [];
  for (const f of fields) {
    if (!leaves.has(f.path)) continue;
    entries.push({ path: f.path, label: f.label, value: shown(leaves.get(f.path)) });
    leaves.delete(f.path);
  }
  for (const [path, value] of leaves) entries.push({ path, label: path, value: shown(value) });
  return entries;
}

/** The label of a dotted form path (the path itself when the schema does not name it). */
export function fieldLabel(fields: FormField[], path: string | undefined): string {
  if (!path) return '';
  return fields.find((f) => f.path === path)?.label ?? path;
}
