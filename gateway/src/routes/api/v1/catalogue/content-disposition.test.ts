import { attachment } from './content-disposition';

describe('attachment', () => {
  it('gives the real name UTF-8 encoded and an ASCII fallback', () => {
    expect(attachment('办事指南.pdf')).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''%E5%8A%9E%E4%BA%8B%E6%8C%87%E5%8D%97.pdf`,
    );
  });

  it('encodes what RFC 8187 does not allow bare and keeps the fallback a valid quoted string', () => {
    expect(attachment(`a "b" (c)'*\\%.pdf`)).toBe(
      `attachment; filename="a _b_ (c)'*__.pdf"; filename*=UTF-8''a%20%22b%22%20%28c%29%27%2A%5C%25.pdf`,
    );
    expect(decodeURIComponent(attachment('申请书 (1).docx').split("UTF-8''")[1]!)).toBe('申请书 (1).docx');
  });
});
