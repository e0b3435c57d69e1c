import { indexTokens, isCodeTerm, queryTokens } from './cjk-tokenizer';

describe('cjk tokenizer', () => {
  it('indexes a Han run as its characters and bigrams', () => {
    expect(indexTokens('食品经营')).toEqual(['食', '品', '经', '营', '食品', '品经', '经营']);
  });

  it('keeps Latin letters and digits whole, lower-cased and half-width, splitting at punctuation', () => {
    expect(indexTokens('基本编码：000117006000，GB 31621－2014')).toEqual([
      '基',
      '本',
      '编',
      '码',
      '基本',
      '本编',
      '编码',
      '000117006000',
      'gb',
      '31621',
      '2014',
    ]);
    expect(indexTokens('ＳＣＪＧ０１')).toEqual(['scjg01']);
  });

  it('splits a mixed run into Han and Latin parts', () => {
    expect(indexTokens('A级资质')).toEqual(['a', '级', '资', '质', '级资', '资质']);
  });

  it('turns a query into bigrams, a single character into itself, and drops duplicates', () => {
    expect(queryTokens('食品')).toEqual(['食品']);
    expect(queryTokens('食品经营许可')).toEqual(['食品', '品经', '经营', '营许', '许可']);
    expect(queryTokens('证')).toEqual(['证']);
    expect(queryTokens('食品 食品 11620321MB')).toEqual(['食品', '11620321mb']);
    expect(queryTokens('《》、')).toEqual([]);
  });

  it('treats Latin/digit terms of 4 or more characters as code prefixes', () => {
    expect(isCodeTerm('0001')).toBe(true);
    expect(isCodeTerm('11620321mb')).toBe(true);
    expect(isCodeTerm('gb')).toBe(false);
    expect(isCodeTerm('食品')).toBe(false);
  });
});
