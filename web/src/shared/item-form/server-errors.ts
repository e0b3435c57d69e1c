import type { ErrorSchema } from '@rjsf/utils';

/**
 * The API's field messages (ShownProblem.fields: `formData.operator.creditCode` → message) as the form renderer's
 * extra errors, so a problem found by the server shows at its field like one found in the browser. Fields outside
 * `root` are left out (the page shows them elsewhere); a message for the form as a whole goes on its root.
 */
export function errorSchemaOf(fields: Record<string, string>, root = 'formData'): ErrorSchema {
  const schema: Record<string, unknown> = {};
  for (const [name, message] of Object.entries(fields)) {
    if (name !== root && !name.startsWith(`${root}.`)) continue;
    const path = name === root ? [] : name.slice(root.length + 1).split('.');
    let node = schema as Record<string, unknown>;
    for (const part of path) {
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    }
    const errors = (node.__errors as string[] | undefined) ?? [];
    node.__errors = [...errors, message];
  }
  return schema as ErrorSchema;
}

/** The form-data fields among the API's field messages (for a page that shows the others itself). */
export function otherFields(fields: Record<string, string>, root = 'formData'): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).filter(([n]) => n !== root && !n.startsWith(`${root}.`)));
}
