import type { HandlingCategory } from '../item';
import type { ItemContent } from '../item-content';
import { duplicateIndexes, Violations } from './violations';

const ANY_DEPARTMENT = /^\d{6}(\d{3}(\d{3})?)?-[A-Z][A-Z0-9]{1,11}$/;

export function checkCoDepartmentsShape(content: ItemContent, v: Violations): void {
  v.maxEntries('content.coDepartments', content.coDepartments, '协办部门', 20);
  for (const i of duplicateIndexes(content.coDepartments, (d) => d)) {
    v.add(`content.coDepartments.${i}`, 'DUPLICATE', `协办部门“${content.coDepartments[i]}”重复`);
  }
}

/** A joint item (联办件) names its co-departments (协办部门): other departments of the same center. */
export function checkCoDepartmentsComplete(
  item: { tenant: string; department: string; handlingCategory: HandlingCategory; content: ItemContent },
  v: Violations,
): void {
  const { coDepartments } = item.content;
  if (item.handlingCategory !== 'joint') {
    if (coDepartments.length > 0) {
      v.add('content.coDepartments', 'NOT_JOINT', '只有联办件才需填写协办部门，请删除协办部门或将办件类型改为联办件');
    }
    return;
  }
  if (coDepartments.length === 0) {
    v.add('content.coDepartments', 'REQUIRED', '联办件应至少填写一个协办部门');
    return;
  }
  coDepartments.forEach((code, i) => {
    const path = `content.coDepartments.${i}`;
    if (!ANY_DEPARTMENT.test(code)) {
      v.add(path, 'PATTERN', `协办部门编码应为“行政区划代码-部门代码”，如 ${item.tenant}-ZJ`);
    } else if (!code.startsWith(`${item.tenant}-`)) {
      v.add(path, 'TENANT_MISMATCH', `协办部门应为本级（${item.tenant}）的部门`);
    } else if (code === item.department) {
      v.add(path, 'SAME_AS_LEAD', '协办部门不能是实施（主办）部门本身');
    }
  });
}
