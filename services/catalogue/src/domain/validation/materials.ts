import { MATERIAL_FORM_NAMES } from '@govhall/labels';
import type { ItemContent, Material, MaterialForm } from '../item-content';
import { duplicateIndexes, filled, Violations } from './violations';

export const MATERIAL_FORMS: Readonly<Record<MaterialForm, string>> = MATERIAL_FORM_NAMES;

/** Electronic formats an applicant may upload, lower case. */
export const MATERIAL_FORMATS = ['pdf', 'ofd', 'jpg', 'jpeg', 'png', 'doc', 'docx', 'xls', 'xlsx'] as const;
const FORMAT_NAMES = Object.fromEntries(MATERIAL_FORMATS.map((f) => [f, f])) as Record<string, string>;

export const MATERIAL_ID = /^[a-z][a-z0-9-]{1,39}$/;
/** Largest upload: 50 MB. */
export const MAX_SIZE_KB = 51_200;

export function checkMaterialsShape(content: ItemContent, v: Violations): void {
  v.maxEntries('content.materials', content.materials, '申请材料', 100);
  content.materials.forEach((m, i) => {
    const path = `content.materials.${i}`;
    if (m.id !== '' && !MATERIAL_ID.test(m.id)) {
      v.add(`${path}.id`, 'PATTERN', '材料编号应为2至40位小写字母、数字或连字符，以字母开头，如 business-licence');
    }
    v.maxLength(`${path}.name`, m.name, '材料名称', 200);
    v.maxLength(`${path}.condition`, m.condition, '材料适用条件', 500, true);
    v.oneOf(`${path}.form`, m.form, '材料形式', MATERIAL_FORMS);
    v.integerIn(`${path}.originalCount`, m.originalCount, '原件份数', 0, 100);
    v.integerIn(`${path}.copyCount`, m.copyCount, '复印件份数', 0, 100);
    m.formats.forEach((f, j) => v.oneOf(`${path}.formats.${j}`, f, '电子件格式', FORMAT_NAMES));
    for (const j of duplicateIndexes(m.formats, (f) => f)) v.add(`${path}.formats.${j}`, 'DUPLICATE', '电子件格式重复');
    v.integerIn(`${path}.maxSizeKb`, m.maxSizeKb, '电子件大小上限（KB）', 0, MAX_SIZE_KB);
    v.maxLength(`${path}.blankFormFileId`, m.blankFormFileId, '空白表格文件', 100);
    v.maxLength(`${path}.sampleFileId`, m.sampleFileId, '示范文本文件', 100);
    v.maxLength(`${path}.notes`, m.notes, '填报须知', 1000, true);
    v.maxLength(`${path}.satisfiedByLicenceType`, m.satisfiedByLicenceType, '可替代的证照类型', 60);
  });
  for (const i of duplicateIndexes(content.materials, (m) => m.id)) {
    v.add(`content.materials.${i}.id`, 'DUPLICATE', `材料编号“${content.materials[i]?.id}”重复`);
  }
}

/**
 * Each material is named, required or conditional, with counts that match its form; an electronic spec
 * (formats and size limit) is needed when the material is uploaded: its form is electronic, the item is
 * handled online (全程网办 / 网上预审), or formats are listed.
 */
export function checkMaterialsComplete(content: ItemContent, v: Violations): void {
  const online = content.onlineDepth === 'fully_online' || content.onlineDepth === 'online_pre_review';
  content.materials.forEach((m, i) => {
    const path = `content.materials.${i}`;
    if (m.id === '') v.add(`${path}.id`, 'REQUIRED', '请填写材料编号（预审规则据此引用材料）');
    if (!filled(m.name)) v.add(`${path}.name`, 'REQUIRED', '请填写材料名称');
    if (!m.required && !filled(m.condition)) {
      v.add(`${path}.condition`, 'REQUIRED', '非必需材料请填写需要提交的情形（如“委托他人代办的”）');
    }
    checkCounts(m, path, v);
    if (m.form === 'electronic' || online || m.formats.length > 0) {
      if (m.formats.length === 0) {
        v.add(`${path}.formats`, 'REQUIRED', `请选择允许上传的电子件格式（${MATERIAL_FORMATS.join('、')}）`);
      }
      if (m.maxSizeKb === 0) v.add(`${path}.maxSizeKb`, 'REQUIRED', `请填写电子件大小上限（1至${MAX_SIZE_KB} KB）`);
    }
  });
}

/** Original → at least one original and no copy, copy → the reverse, both → one of each, electronic → none. */
function checkCounts(m: Material, path: string, v: Violations): void {
  if (!Object.hasOwn(MATERIAL_FORMS, m.form)) return; // reported by the shape check
  const form = MATERIAL_FORMS[m.form];
  const count = (field: 'originalCount' | 'copyCount', wanted: boolean, label: string) => {
    const n = m[field];
    if (!Number.isSafeInteger(n) || n < 0) return; // reported by the shape check
    if (wanted && n === 0) v.add(`${path}.${field}`, 'COUNT_MISMATCH', `材料形式为${form}，${label}份数应至少为1`);
    if (!wanted && n > 0) v.add(`${path}.${field}`, 'COUNT_MISMATCH', `材料形式为${form}，${label}份数应为0`);
  };
  count('originalCount', m.form === 'original' || m.form === 'original_and_copy', '原件');
  count('copyCount', m.form === 'copy' || m.form === 'original_and_copy', '复印件');
}
