import { englishStringTranslator, TranslatableString } from '@rjsf/utils';

/** The form renderer's own words (buttons, array controls, labels) in Chinese; the rest falls back to English. */
const ZH: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.ArrayItemTitle]: '第 %1 项',
  [TranslatableString.MissingItems]: '列表未定义其中的项目',
  [TranslatableString.EmptyArray]: '暂无内容，请点击下方按钮添加。',
  [TranslatableString.YesLabel]: '是',
  [TranslatableString.NoLabel]: '否',
  [TranslatableString.CloseLabel]: '关闭',
  [TranslatableString.ErrorsLabel]: '填写有误',
  [TranslatableString.NewStringDefault]: '',
  [TranslatableString.AddButton]: '添加',
  [TranslatableString.AddItemButton]: '添加一项',
  [TranslatableString.CopyButton]: '复制',
  [TranslatableString.MoveDownButton]: '下移',
  [TranslatableString.MoveUpButton]: '上移',
  [TranslatableString.RemoveButton]: '删除',
  [TranslatableString.NowLabel]: '现在',
  [TranslatableString.ClearLabel]: '清除',
  [TranslatableString.AriaDateLabel]: '选择日期',
  [TranslatableString.PreviewLabel]: '预览',
  [TranslatableString.DecrementAriaLabel]: '减 1',
  [TranslatableString.IncrementAriaLabel]: '加 1',
  [TranslatableString.OptionalObjectAdd]: '填写此项',
  [TranslatableString.OptionalObjectRemove]: '不填此项',
  [TranslatableString.OptionalObjectEmptyMsg]: '此项未填写',
  [TranslatableString.Type]: '类型',
  [TranslatableString.Value]: '值',
  [TranslatableString.ClearButton]: '清空',
  [TranslatableString.UnknownFieldType]: '不支持的字段类型 %1',
  [TranslatableString.OptionPrefix]: '选项 %1',
  [TranslatableString.TitleOptionPrefix]: '%1 选项 %2',
  [TranslatableString.KeyLabel]: '%1 名称',
  [TranslatableString.UnsupportedField]: '表单定义中有不支持的字段。',
  [TranslatableString.UnsupportedFieldWithId]: '字段 %1 的定义不受支持。',
};

/** rjsf's `translateString`: Chinese where we have it; `%1`, `%2` replaced by the parameters. */
export function translateString(key: TranslatableString, params?: string[]): string {
  const zh = ZH[key];
  if (zh === undefined) return englishStringTranslator(key, params);
  return (params ?? []).reduce((text, p, i) => text.replaceAll(`%${i + 1}`, p), zh);
}
