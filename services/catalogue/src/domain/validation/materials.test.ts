import type { Material } from '../item-content';
import { materialFixture } from '../item.test-double';
import { exactly, fixtureContent, violationsOf } from './expect-violations.test-double';

/** The fixture's materials with material `index` changed. */
function withMaterial(index: number, overrides: Partial<Material>) {
  const materials = fixtureContent().materials;
  materials[index] = { ...materials[index]!, ...overrides };
  return { materials };
}

describe('materials', () => {
  it('have unique ids of lower-case letters, digits and hyphens', () => {
    expect(violationsOf(withMaterial(0, { id: 'business-licence' }))).toEqual(
      exactly(['content.materials.1.id', 'DUPLICATE']),
    );
    expect(violationsOf(withMaterial(0, { id: 'Application_Form' }))).toEqual(
      exactly(['content.materials.0.id', 'PATTERN']),
    );
    expect(violationsOf(withMaterial(0, { id: 'a' }))).toEqual(exactly(['content.materials.0.id', 'PATTERN']));
    expect(violationsOf(withMaterial(0, { id: '' }))).toEqual(exactly(['content.materials.0.id', 'REQUIRED']));
  });

  it('have a name, and a condition when not required', () => {
    expect(violationsOf(withMaterial(3, { name: '' }))).toEqual(exactly(['content.materials.3.name', 'REQUIRED']));
    expect(violationsOf(withMaterial(5, { condition: '' }))).toEqual(
      exactly(['content.materials.5.condition', 'REQUIRED']),
    );
    expect(violationsOf(withMaterial(5, { condition: '', required: true }))).toEqual([]);
  });

  it('have counts that match their form', () => {
    expect(violationsOf(withMaterial(0, { originalCount: 0 }))).toEqual(
      exactly(['content.materials.0.originalCount', 'COUNT_MISMATCH']),
    );
    expect(violationsOf(withMaterial(1, { originalCount: 1 }))).toEqual(
      exactly(['content.materials.1.originalCount', 'COUNT_MISMATCH']),
    );
    expect(violationsOf(withMaterial(1, { form: 'original_and_copy', originalCount: 1, copyCount: 0 }))).toEqual(
      exactly(['content.materials.1.copyCount', 'COUNT_MISMATCH']),
    );
    expect(violationsOf(withMaterial(1, { form: 'electronic', copyCount: 0 }))).toEqual([]);
    expect(violationsOf(withMaterial(1, { copyCount: 2.5 }))).toEqual(
      exactly(['content.materials.1.copyCount', 'INTEGER']),
    );
    expect(violationsOf(withMaterial(1, { copyCount: -1 }))).toEqual(
      exactly(['content.materials.1.copyCount', 'RANGE']),
    );
    expect(violationsOf(withMaterial(1, { form: 'scan' as never }))).toEqual(
      exactly(['content.materials.1.form', 'ENUM']),
    );
  });

  it('accept only the allowed electronic formats, each once', () => {
    expect(violationsOf(withMaterial(2, { formats: ['pdf', 'exe'] }))).toEqual(
      exactly(['content.materials.2.formats.1', 'ENUM']),
    );
    expect(violationsOf(withMaterial(2, { formats: ['PDF'] }))).toEqual(
      exactly(['content.materials.2.formats.0', 'ENUM']),
    );
    expect(violationsOf(withMaterial(2, { formats: ['pdf', 'pdf'] }))).toEqual(
      exactly(['content.materials.2.formats.1', 'DUPLICATE']),
    );
    const all = ['pdf', 'ofd', 'jpg', 'jpeg', 'png', 'doc', 'docx', 'xls', 'xlsx'];
    expect(violationsOf(withMaterial(2, { formats: all }))).toEqual([]);
  });

  it('need an electronic spec (formats, 1-51200 KB) when uploaded', () => {
    expect(violationsOf(withMaterial(2, { formats: [] }))).toEqual(
      exactly(['content.materials.2.formats', 'REQUIRED']),
    );
    expect(violationsOf(withMaterial(2, { maxSizeKb: 0 }))).toEqual(
      exactly(['content.materials.2.maxSizeKb', 'REQUIRED']),
    );
    expect(violationsOf(withMaterial(2, { maxSizeKb: 51201 }))).toEqual(
      exactly(['content.materials.2.maxSizeKb', 'RANGE']),
    );
    expect(violationsOf(withMaterial(2, { maxSizeKb: 51200 }))).toEqual([]);
  });

  it('need no electronic spec for paper materials of an item that is not handled online', () => {
    const paperOnly = fixtureContent().materials.map((m) => ({ ...m, formats: [], maxSizeKb: 0 }));
    expect(violationsOf({ onlineDepth: 'disclosure_only', materials: paperOnly })).toEqual([]);
    const electronic = materialFixture({ id: 'photo', form: 'electronic', copyCount: 0, formats: [], maxSizeKb: 0 });
    expect(violationsOf({ onlineDepth: 'disclosure_only', materials: [...paperOnly, electronic] })).toEqual(
      exactly(['content.materials.6.formats', 'REQUIRED'], ['content.materials.6.maxSizeKb', 'REQUIRED']),
    );
  });
});
