import type { CaseProblem } from '../common/types';

type Schema = { title?: unknown; properties?: Record<string, Schema>; items?: Schema };

/** The field's place in the form (经营者 › 统一社会信用代码) from the JSON Schema's titles; a level without one by its key. */
export function fieldTitle(schema: unknown, path: string): string {
  const names: string[] = [];
  let at = schema as Schema | undefined;
  for (const part of path.split('.')) {
    const index = /^\d+$/.test(part);
    at = at && typeof at === 'object' ? (index ? at.items : at.properties?.[part]) : undefined;
    if (index) names.push(`第${Number(part) + 1}项`);
    else names.push(at && typeof at.title === 'string' && at.title ? at.title : part);
  }
  return names.join(' › ');
}

export function parseSchema(text: string): unknown {
  try {
    return JSON.parse(text || '{}');
  } catch {
    return {};
  }
}

/** A case's problems sorted by where the applicant fixes them. */
export function groupProblems(problems: readonly CaseProblem[]) {
  const byMaterial = new Map<string, string[]>();
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const p of problems) {
    if (p.materialId) byMaterial.set(p.materialId, [...(byMaterial.get(p.materialId) ?? []), p.message]);
    else if (p.field) {
      const key = `formData.${p.field}`;
      fields[key] = fields[key] ? `${fields[key]}；${p.message}` : p.message;
    } else general.push(p.message);
  }
  return { byMaterial, fields, general };
}

/** Where the applicant fixes a problem, as a label: 申请表 › 经营者 › 统一社会信用代码, 材料：营业执照, 其他. */
export function problemPlace(
  p: CaseProblem,
  schema: unknown,
  materialName: (id: string) => string | undefined,
): string {
  if (p.materialId) return `申请材料：${materialName(p.materialId) ?? p.materialId}`;
  if (p.field) return `申请表：${fieldTitle(schema, p.field)}`;
  return '其他';
}
