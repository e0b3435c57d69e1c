import { applyCaseEvent } from '../../domain/clocks/apply-case-event';
import { caseEvent } from '../../domain/clocks/case-event.test-double';
import type { Matter } from '../../domain/clocks/matter';
import { storedMatter } from './matter-store.repository';

describe('a matter read back from the store', () => {
  it('keeps who accepted it, and reads an empty one from a document stored before acceptedBy existed', () => {
    const matter = applyCaseEvent(undefined, caseEvent(1, 'accepted', '2026-11-02'))!;
    expect(storedMatter(matter)).toEqual(matter);
    const { acceptedBy: _dropped, ...old } = matter;
    expect(storedMatter(old as Matter)).toEqual({ ...matter, acceptedBy: '' });
  });
});
