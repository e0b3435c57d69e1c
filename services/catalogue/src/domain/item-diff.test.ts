import { diffEditions } from './item-diff';
import { validItemFixture } from './item.test-double';

const first = validItemFixture({ id: 'a1', status: 'superseded' });

describe('diffEditions', () => {
  it('finds nothing between an edition and its copy (status, ids and dates are not compared)', () => {
    const copy = structuredClone(first);
    expect(diffEditions(first, { ...copy, id: 'a2', edition: 2, status: 'draft', version: 9 })).toEqual([]);
  });

  it('lists each changed leaf with JSON before and after: identity fields first, then content in guide order', () => {
    const second = structuredClone(first);
    second.name = '食品经营许可（新办）';
    second.content.promisedLimit.days = 8;
    second.content.materials[2]!.name = '法定代表人身份证';
    second.content.faq.push({ question: '多久能拿证？', answer: '8个工作日' });
    second.content.level = 4;
    second.content.localCodes = [];
    expect(diffEditions(first, second)).toEqual([
      { path: 'name', before: '"食品经营许可"', after: '"食品经营许可（新办）"' },
      { path: 'content.localCodes.0', before: '"GS-620321-SCJG-001"', after: '' },
      { path: 'content.materials.2.name', before: '"法定代表人（负责人）身份证明"', after: '"法定代表人身份证"' },
      { path: 'content.promisedLimit.days', before: '10', after: '8' },
      {
        path: 'content.faq.1',
        before: '',
        after: JSON.stringify({ question: '多久能拿证？', answer: '8个工作日' }),
      },
    ]);
  });

  it('compares arrays by index and reports both directions symmetrically', () => {
    const second = structuredClone(first);
    second.content.deliveryOptions = ['electronic'];
    const forward = diffEditions(first, second);
    expect(forward).toEqual([
      { path: 'content.deliveryOptions.0', before: '"window_pickup"', after: '"electronic"' },
      { path: 'content.deliveryOptions.1', before: '"post"', after: '' },
      { path: 'content.deliveryOptions.2', before: '"electronic"', after: '' },
    ]);
    expect(diffEditions(second, first)).toEqual(
      forward.map((c) => ({ path: c.path, before: c.after, after: c.before })),
    );
  });

  it('gives the same order whatever order the stored keys come in', () => {
    const second = structuredClone(first);
    second.content.location = {
      complaintPhone: '0935-12345',
      hours: second.content.location.hours,
      windowLocation: '二楼5号窗口',
      consultationPhone: second.content.location.consultationPhone,
    };
    expect(diffEditions(first, second).map((c) => c.path)).toEqual([
      'content.location.complaintPhone',
      'content.location.windowLocation',
    ]);
  });
});
