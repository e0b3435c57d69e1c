/** What a report prints for a code: its name when known, else the code itself. */
export interface DisplayNames {
  window(id: string): string;
  department(code: string): string;
}

export const CODES_ONLY: DisplayNames = { window: (id) => id, department: (code) => code };

/** A department's or window's name as identity last published it (the highest aggregate version wins). */
export interface DisplayNameEntry {
  tenant: string;
  kind: 'department' | 'window';
  /** The department code or the window id. */
  code: string;
  name: string;
  version: number;
}

/** How a window is printed: its name and its number in the hall, e.g. 市场监管综合受理窗口（A03）. */
export function windowDisplayName(name: string, number: string): string {
  return number ? `${name}（${number}）` : name;
}

/** The names of a tenant's entries, each code falling back to itself when its name is unknown or empty. */
export function displayNames(entries: readonly DisplayNameEntry[]): DisplayNames {
  const byKind = { department: new Map<string, string>(), window: new Map<string, string>() };
  for (const e of entries) if (e.name) byKind[e.kind].set(e.code, e.name);
  return {
    department: (code) => byKind.department.get(code) ?? code,
    window: (id) => byKind.window.get(id) ?? id,
  };
}
