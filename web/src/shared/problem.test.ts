import { ApiError, fieldName, formErrors, messageOf, networkProblem, renameFields, shownProblem } from './problem';

// Answers as the gateway sends them (gateway/src/plugins/app/problem-details.ts) and as a proxy might.
const validation = {
  type: 'https://govhall.gov.cn/problems/validation-failed',
  title: '请求参数有误',
  status: 400,
  code: 'VALIDATION_FAILED',
  detail: '提交的内容不符合要求，请按提示修改后重试',
  errors: [
    { path: 'caseNumber', message: '格式不正确：办件编号应为18至28位数字', reason: 'PATTERN' },
    { path: 'applicantIdCode', message: '格式不正确：身份证号码应为18位', reason: 'PATTERN' },
    { path: 'applicantIdCode', message: '不能为空', reason: 'REQUIRED' },
    { path: 'querystring.q', message: '关键词不能超过100个字', reason: 'MAX_LENGTH' },
    { path: 'content.materials.2.name', message: 'must NOT have fewer than 2 characters', reason: 'MIN_LENGTH' },
  ],
};

describe('problem+json shown to people', () => {
  it('gives the Chinese detail and each field its own Chinese message, never the code', () => {
    const shown = shownProblem(400, validation);
    expect(shown.message).toBe('提交的内容不符合要求，请按提示修改后重试');
    expect(shown.code).toBe('VALIDATION_FAILED');
    expect(shown.fields).toEqual({
      caseNumber: '格式不正确：办件编号应为18至28位数字',
      applicantIdCode: '格式不正确：身份证号码应为18位；不能为空',
      q: '关键词不能超过100个字',
      // A message that is not Chinese is replaced, not shown.
      'content.materials.2.name': '填写的内容不符合要求',
    });
    expect(JSON.stringify(shown.fields)).not.toMatch(/[A-Z_]{5,}/);
  });

  it('replaces a missing or non-Chinese detail with a message for the status', () => {
    expect(shownProblem(404, { status: 404, code: 'CASE_NOT_FOUND' }).message).toBe('未找到相关内容');
    expect(shownProblem(502, '<html>Bad Gateway</html>').message).toBe('服务暂时不可用，请稍后重试');
    expect(shownProblem(500, { detail: 'Internal Server Error' }).message).toBe('服务器内部错误，请稍后重试');
    expect(shownProblem(599, null).message).toBe('服务器内部错误，请稍后重试');
    expect(shownProblem(418, undefined)).toEqual({
      status: 418,
      code: 'HTTP_418',
      message: '请求未能完成，请稍后重试',
      fields: {},
    });
    expect(shownProblem(409, { code: 'WRONG_STATE', detail: '办件当前状态为“办理中”，不能撤回' }).message).toBe(
      '办件当前状态为“办理中”，不能撤回',
    );
  });

  it('names form fields without the part of the request they were sent in', () => {
    expect(fieldName('querystring.tenant')).toBe('tenant');
    expect(fieldName('params.id')).toBe('id');
    expect(fieldName('headers.idempotency-key')).toBe('idempotency-key');
    expect(fieldName('body')).toBe('');
    expect(fieldName('formData.name')).toBe('formData.name');
    expect(fieldName('querystringX')).toBe('querystringX');
  });

  it('puts the messages of the form’s own fields at those fields, the rest above the form', () => {
    const { fields, rest } = formErrors(shownProblem(400, validation), ['caseNumber', 'applicantIdCode']);
    expect(fields).toEqual([
      { name: ['caseNumber'], errors: ['格式不正确：办件编号应为18至28位数字'] },
      { name: ['applicantIdCode'], errors: ['格式不正确：身份证号码应为18位；不能为空'] },
    ]);
    expect(rest).toEqual(['提交的内容不符合要求，请按提示修改后重试', '关键词不能超过100个字', '填写的内容不符合要求']);
    const nested = formErrors(shownProblem(400, validation), ['content.materials.2.name']);
    expect(nested.fields).toEqual([{ name: ['content', 'materials', 2, 'name'], errors: ['填写的内容不符合要求'] }]);
  });

  it('puts the violations of a list’s items at the list’s one field, each message once', () => {
    const refused = new ApiError(
      shownProblem(400, {
        detail: '提交的内容不符合要求',
        errors: [
          { path: 'attachmentIds[0]', message: '找不到该附件，或已随其他投诉提交' },
          { path: 'attachmentIds[2]', message: '找不到该附件，或已随其他投诉提交' },
          { path: 'attachmentIds', message: '附件不能超过5个' },
          { path: 'content', message: '请填写投诉内容' },
        ],
      }),
    );
    const renamed = renameFields(refused, (n) => n.replace(/\[\d+\]$/, ''));
    expect(renamed).toBeInstanceOf(ApiError);
    expect((renamed as ApiError).problem).toMatchObject({
      message: '提交的内容不符合要求',
      fields: { attachmentIds: '找不到该附件，或已随其他投诉提交；附件不能超过5个', content: '请填写投诉内容' },
    });
    const other = new TypeError('x');
    expect(renameFields(other, () => 'y')).toBe(other);
  });

  it('says plainly when the server cannot be reached or the page failed', () => {
    expect(networkProblem().message).toBe('无法连接服务器，请检查网络后重试');
    expect(messageOf(new ApiError(shownProblem(403, { detail: '您不是该办件的申请人' })))).toBe('您不是该办件的申请人');
    expect(messageOf(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(
      '页面出现错误，请刷新后重试',
    );
  });
});
