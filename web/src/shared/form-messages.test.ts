import type { FormInstance } from 'antd';
import { showOnForm } from './form-messages';
import { ApiError, shownProblem } from './problem';

/** A form that keeps what is put on it (antd's setFields is all showOnForm uses). */
function formKeeping(): { form: FormInstance; fields: unknown[] } {
  const fields: unknown[] = [];
  const form = { setFields: (f: unknown[]) => fields.push(...f) } as unknown as FormInstance;
  return { form, fields };
}

const problem = (detail: string) =>
  new ApiError(
    shownProblem(400, {
      status: 400,
      code: 'VALIDATION_FAILED',
      detail,
      errors: [{ path: 'title', message: '标题不能为空', reason: 'REQUIRED' }],
    }),
  );

describe('an API error on a form', () => {
  it('puts the field message at its field and says the general message once, not asking twice', () => {
    const { form, fields } = formKeeping();
    const shown = showOnForm(form, problem('提交的内容不符合要求，请按提示修改后重试'), ['title']);
    expect(fields).toEqual([{ name: ['title'], errors: ['标题不能为空'] }]);
    expect(shown).toEqual(['提交的内容不符合要求，请按提示修改后重试']);
  });

  it('points at the fields when the general message does not', () => {
    const { form } = formKeeping();
    expect(showOnForm(form, problem('督办单内容有误'), ['title'])).toEqual(['督办单内容有误，请按各栏提示修改']);
  });

  it('lists what has no field of its own', () => {
    const { form, fields } = formKeeping();
    expect(showOnForm(form, problem('督办单内容有误'), [])).toEqual(['督办单内容有误', '标题不能为空']);
    expect(fields).toEqual([]);
  });
});
