import { ValidationError } from '@govhall/errors';
import { createDraft, validateDraft } from './item';
import { emptyContent } from './item-content';
import { retire, retireReasonViolations, reviewCommentViolations, updateDraft } from './item-lifecycle';
import { validateContentShape } from './item-validation';
import { materialFixture, validItemFixture } from './item.test-double';
import { exactly, violationsOf } from './validation/expect-violations.test-double';

// Item names and every human-entered text of an item's content go through @govhall/identifiers checkText.
const NOW = new Date('2026-11-27T03:00:00Z');
const RLO = '\u202E';
const identity = {
  tenant: '620321',
  name: '食品经营许可',
  basicCode: '000123456000',
  kind: '01',
  handlingCategory: 'promised',
  department: '620321-SCJG',
};

describe('item names', () => {
  it('refuses a bidi override, a control character and an invisible-only name, with Chinese reasons', () => {
    expect(validateDraft({ ...identity, name: `食品${RLO}许可` })).toEqual(exactly(['name', 'BIDI_CONTROL']));
    expect(validateDraft({ ...identity, name: '食品\u0000许可' })).toEqual(exactly(['name', 'CONTROL_CHARACTER']));
    expect(validateDraft({ ...identity, name: '\u3000\u200D\u00AD' })).toEqual(exactly(['name', 'BLANK']));
  });

  it('counts the name in characters and stores it in NFC', () => {
    expect(validateDraft({ ...identity, name: '𠀀'.repeat(100) })).toEqual([]);
    expect(validateDraft({ ...identity, name: '𠀀'.repeat(101) })).toEqual(exactly(['name', 'LENGTH']));
    const { item } = createDraft({ ...identity, name: ' Cafe\u0301许可\uF907 ' }, 'i1', NOW, 'yc-admin');
    expect(item.name).toBe('Caf\u00e9许可\u9F9C');
  });
});

describe('item content texts', () => {
  it('refuses hidden characters in every kind of text field, at the field path', () => {
    const material = materialFixture();
    expect(
      violationsOf({
        materials: [{ ...material, name: `营业执照${RLO}`, notes: '第一行\n第二行\u0007' }],
        faq: [{ question: '如何\n办理？', answer: '\u200B' }],
        location: { windowLocation: '一楼\u2067东侧', hours: '工作日', consultationPhone: '1', complaintPhone: '2' },
      }),
    ).toEqual(
      exactly(
        ['content.location.windowLocation', 'BIDI_CONTROL'],
        ['content.faq.0.question', 'CONTROL_CHARACTER'],
        ['content.faq.0.answer', 'INVISIBLE_CHARACTER'],
        ['content.materials.0.name', 'BIDI_CONTROL'],
        ['content.materials.0.notes', 'CONTROL_CHARACTER'],
      ),
    );
  });

  it('allows line feeds in multi-line texts and any characters in the form schema (JSON)', () => {
    const content = {
      ...emptyContent(),
      acceptanceConditions: ['申请人应当：\n1. 取得营业执照\r\n2. 有固定经营场所'],
      form: { jsonSchema: '{\n\t"type": "object"\n}', uiSchema: '' },
    };
    expect(validateContentShape(content)).toEqual([]);
  });

  it('stores the content in NFC with LF line breaks', () => {
    const item = validItemFixture({ id: 'a1', seriesId: 'a1' });
    const content = structuredClone(item.content);
    content.acceptanceConditions = ['Cafe\u0301\r\n第二行'];
    content.faq = [{ question: '\uF907？', answer: '答' }];
    const { name, basicCode, kind, handlingCategory, department } = item;
    const next = updateDraft(
      item,
      { name, basicCode, kind, handlingCategory, department, content },
      NOW,
      'yc-admin',
    ).item;
    expect(next.content.acceptanceConditions).toEqual(['Caf\u00e9\n第二行']);
    expect(next.content.faq).toEqual([{ question: '\u9F9C？', answer: '答' }]);
  });
});

describe('review comments and retire reasons', () => {
  it('refuse hidden characters and store NFC', () => {
    expect(reviewCommentViolations({ approve: false, comments: `材料${RLO}不全` })).toEqual(
      exactly(['comments', 'BIDI_CONTROL']),
    );
    expect(reviewCommentViolations({ approve: false, comments: '' })).toEqual(exactly(['comments', 'REQUIRED']));
    expect(reviewCommentViolations({ approve: true, comments: '' })).toEqual([]);
    expect(retireReasonViolations('\u200D\u3000')).toEqual(exactly(['reason', 'BLANK']));
    const published = validItemFixture({ id: 'a1', seriesId: 'a1', status: 'published', publishedAt: NOW, version: 3 });
    expect(retire(published, '法规修订\uF907', NOW).item.retiredReason).toBe('法规修订\u9F9C');
    expect(() => retire(published, `废止${RLO}`, NOW)).toThrow(ValidationError);
  });
});
