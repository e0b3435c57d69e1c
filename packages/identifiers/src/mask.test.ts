import { maskEmail, maskIdNumber, maskName, maskPhone, maskText } from './mask';

describe('masking', () => {
  it('masks an ID number keeping the first 4 and last 4', () => {
    expect(maskIdNumber('62032119900307123X')).toBe('6203**********123X');
  });
  it('masks a mobile number', () => {
    expect(maskPhone('13912345678')).toBe('139****5678');
  });
  it('masks an e-mail address keeping the domain and the ends of the local part', () => {
    expect(maskEmail('zhangsan@example.cn')).toBe('z******n@example.cn');
    expect(maskEmail('ab@example.cn')).toBe('**@example.cn');
    expect(maskEmail('no-at-sign')).toBe('**********');
  });
  it('masks numbers inside free text', () => {
    expect(maskText('申请人 62032119900307123X 电话 13912345678')).toBe('申请人 6203**********123X 电话 139****5678');
  });
  it('masks an ID number glued to letters (a key in a URL or a message), but not a part of a longer number', () => {
    expect(maskText('/people/id62032119900307123Xx?q=1')).toBe('/people/id6203**********123Xx?q=1');
    expect(maskText('order 1620321199003071234 ref')).toBe('order 1620321199003071234 ref');
  });
});

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['李', '李*'],
    ['𠀀明', '𠀀*'],
    ['永昌县金川河商贸有限公司', '永昌县*****有限公司'],
    ['永昌县祁连山农产品专业合作社', '永昌县********合作社'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});
