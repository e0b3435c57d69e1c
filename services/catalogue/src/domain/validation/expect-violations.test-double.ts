import type { Violation } from '@govhall/errors';
import type { ItemContent } from '../item-content';
import { validateItem } from '../item-validation';
import { validItemFixture, type ItemFixtureOverrides } from '../item.test-double';

/** validateItem on the valid fixture with some content fields (and item fields) replaced. */
export function violationsOf(content: Partial<ItemContent>, fields: Omit<ItemFixtureOverrides, 'content'> = {}) {
  return validateItem(validItemFixture({ ...fields, content }));
}

/** Matchers for exactly these [path, reason] violations, each with a Chinese message. */
export function exactly(...expected: [path: string, reason: string][]): Violation[] {
  return expected.map(([path, reason]) =>
    expect.objectContaining({ path, reason, message: expect.stringMatching(/\p{Script=Han}/u) }),
  );
}

/** The fixture's content, for building variations of its lists. */
export function fixtureContent(): ItemContent {
  return validItemFixture().content;
}
