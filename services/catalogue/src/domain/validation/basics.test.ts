import { exactly, fixtureContent, violationsOf } from './expect-violations.test-double';

describe('service object, online depth, delivery', () => {
  it('accepts only the known service objects and online depths', () => {
    expect(violationsOf({ serviceObject: 'citizen' as never })).toEqual(exactly(['content.serviceObject', 'ENUM']));
    expect(violationsOf({ onlineDepth: 'partly' as never })).toEqual(exactly(['content.onlineDepth', 'ENUM']));
  });

  it('requires at least one known delivery option, each once', () => {
    expect(violationsOf({ deliveryOptions: [] })).toEqual(exactly(['content.deliveryOptions', 'REQUIRED']));
    expect(violationsOf({ deliveryOptions: ['post', 'drone' as never] })).toEqual(
      exactly(['content.deliveryOptions.1', 'ENUM']),
    );
    expect(violationsOf({ deliveryOptions: ['post', 'post'] })).toEqual(
      exactly(['content.deliveryOptions.1', 'DUPLICATE']),
    );
  });
});

describe('legal basis', () => {
  it('requires at least one for administrative powers (kinds 01-09), not for public services', () => {
    expect(violationsOf({ legalBases: [] })).toEqual(exactly(['content.legalBases', 'REQUIRED']));
    expect(violationsOf({ legalBases: [] }, { kind: '09' })).toEqual(exactly(['content.legalBases', 'REQUIRED']));
    expect(violationsOf({ legalBases: [] }, { kind: '20' })).toEqual([]);
    expect(violationsOf({ legalBases: [] }, { kind: '10' })).toEqual([]);
  });

  it('requires the law and the article of every entry', () => {
    const legalBases = fixtureContent().legalBases;
    legalBases[1] = { law: ' ', article: '', text: '' };
    expect(violationsOf({ legalBases })).toEqual(
      exactly(['content.legalBases.1.law', 'REQUIRED'], ['content.legalBases.1.article', 'REQUIRED']),
    );
  });
});

describe('location', () => {
  it.each(['windowLocation', 'hours', 'consultationPhone', 'complaintPhone'] as const)('requires %s', (field) => {
    const location = { ...fixtureContent().location, [field]: '' };
    expect(violationsOf({ location })).toEqual(exactly([`content.location.${field}`, 'REQUIRED']));
  });

  it('limits the lengths', () => {
    const location = { ...fixtureContent().location, consultationPhone: '0'.repeat(41) };
    expect(violationsOf({ location })).toEqual(exactly(['content.location.consultationPhone', 'LENGTH']));
  });
});

describe('acceptance conditions and FAQ', () => {
  it('refuses empty entries', () => {
    expect(violationsOf({ acceptanceConditions: ['具备经营场所', ''] })).toEqual(
      exactly(['content.acceptanceConditions.1', 'REQUIRED']),
    );
    expect(violationsOf({ faq: [{ question: '需要多久？', answer: '' }] })).toEqual(
      exactly(['content.faq.0.answer', 'REQUIRED']),
    );
  });
});
