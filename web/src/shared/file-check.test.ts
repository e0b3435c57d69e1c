import { acceptOf, fileProblem, maxBytes, shownSize, UPLOAD_MAX_BYTES } from './file-check';

const form = { name: '食品经营许可申请书', formats: ['pdf', 'ofd'], maxSizeKb: 10240 };

describe('the browser check of a material file', () => {
  it('takes a file of an allowed format within the limit, whatever the case of its extension', () => {
    expect(fileProblem({ name: '申请书.PDF', size: 2048 }, form)).toBeUndefined();
    expect(fileProblem({ name: 'a.ofd', size: UPLOAD_MAX_BYTES }, form)).toBeUndefined();
  });

  it('refuses another format, naming the file and the formats the material takes', () => {
    expect(fileProblem({ name: 'setup.exe', size: 300 }, form)).toBe(
      '“setup.exe”是EXE 格式的文件，“食品经营许可申请书”只接受 PDF、OFD 格式的文件',
    );
    expect(fileProblem({ name: 'README', size: 300 }, form)).toContain('没有扩展名');
  });

  it('refuses a file over the material limit or over what one upload carries, and an empty one', () => {
    expect(fileProblem({ name: 'big.pdf', size: UPLOAD_MAX_BYTES + 200 * 1024 }, form)).toBe(
      '“big.pdf”大小为 4.2 MB，超过了“食品经营许可申请书”的上限 4 MB，请压缩后重新上传',
    );
    const small = { ...form, maxSizeKb: 512 };
    expect(fileProblem({ name: 'p.pdf', size: 600 * 1024 }, small)).toContain('上限 512 KB');
    expect(fileProblem({ name: 'p.pdf', size: 0 }, form)).toBe('“p.pdf”是空文件，请重新选择');
  });

  it('refuses any file for a material taken on paper only', () => {
    expect(fileProblem({ name: 'a.pdf', size: 10 }, { ...form, formats: [] })).toContain('无需上传电子件');
  });

  it('works out the limit, the sizes and the chooser filter', () => {
    expect(maxBytes({ maxSizeKb: 0 })).toBe(UPLOAD_MAX_BYTES);
    expect(maxBytes({ maxSizeKb: 51200 })).toBe(UPLOAD_MAX_BYTES);
    expect(maxBytes({ maxSizeKb: 100 })).toBe(102_400);
    expect(shownSize(5.3 * 1024 * 1024)).toBe('5.3 MB');
    expect(acceptOf(['pdf', 'JPG'])).toBe('.pdf,.jpg');
  });
});
