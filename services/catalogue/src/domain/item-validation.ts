import type { Violation } from '@govhall/errors';
import { validateDraft, type Item } from './item';
import type { ItemContent } from './item-content';
import { checkBasicsComplete, checkBasicsShape } from './validation/basics';
import { checkCoDepartmentsComplete, checkCoDepartmentsShape } from './validation/co-departments';
import { checkCodesComplete, checkCodesShape } from './validation/codes';
import { checkFeesComplete, checkFeesShape } from './validation/fees';
import { checkFormComplete, checkFormShape } from './validation/form';
import { checkMaterialsComplete, checkMaterialsShape } from './validation/materials';
import { checkRulesComplete, checkRulesShape } from './validation/pre-review-rules';
import { checkTimingComplete, checkTimingShape } from './validation/timing';
import { Violations } from './validation/violations';
import { checkWorkflowComplete, checkWorkflowShape } from './validation/workflow';

export { ITEM_LEVELS, itemLevelOfTenant, type ItemLevel } from './validation/codes';
export { maxPromisedDays, promiseCompression } from './validation/timing';
export { formHasField } from './validation/form';

export type ValidatableItem = Pick<
  Item,
  'tenant' | 'name' | 'basicCode' | 'kind' | 'handlingCategory' | 'department' | 'content'
>;

/**
 * Structural checks used when a draft is saved: types, enums, lengths, integer ranges, JSON parse of the form and
 * UI schema, no duplicate material/rule ids. A draft may be incomplete (empty lists, zero limits).
 */
export function validateContentShape(content: ItemContent): Violation[] {
  const v = new Violations();
  checkCodesShape(content, v);
  checkBasicsShape(content, v);
  checkTimingShape(content, v);
  checkWorkflowShape(content, v);
  checkFeesShape(content, v);
  checkFormShape(content, v);
  checkRulesShape(content, v);
  checkMaterialsShape(content, v);
  checkCoDepartmentsShape(content, v);
  return v.list;
}

/**
 * Everything required to submit/publish (includes validateContentShape). A value the shape check refused
 * (wrong enum, out of range) is reported once, by the shape check; the rules below only add what is missing
 * or inconsistent.
 */
export function validateItem(item: ValidatableItem): Violation[] {
  const v = new Violations();
  v.list.push(...validateDraft(item), ...validateContentShape(item.content));
  checkCodesComplete(item, v);
  checkBasicsComplete(item, v);
  checkTimingComplete(item, v);
  checkWorkflowComplete(item, v);
  checkFeesComplete(item.content, v);
  const schema = checkFormComplete(item.content, v);
  checkRulesComplete(item.content, schema, v);
  checkMaterialsComplete(item.content, v);
  checkCoDepartmentsComplete(item, v);
  return v.list;
}
