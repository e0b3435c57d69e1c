import { decodeEnvelope } from '@govhall/kafka';
import { catalogueV1 } from '@govhall/proto';
import type { ItemEvent } from '../../domain/item';
import { validItemFixture } from '../../domain/item.test-double';
import { ITEM_TOPIC, toOutbox } from './item-events';

const actor = {
  kind: 'user' as const,
  subject: 'sub-2',
  username: 'yc-reviewer',
  tenant: '620321',
  roles: ['reviewer' as const],
  clientId: 'govhall-workbench',
};

describe('item events', () => {
  it('puts every lifecycle event on the item topic, keyed by item id, with the proto payload', () => {
    const old = validItemFixture({ id: 'a1', status: 'superseded', version: 4 });
    const next = validItemFixture({ id: 'a2', seriesId: 'a1', edition: 2, status: 'published', version: 3 });
    const events: ItemEvent[] = [
      { type: 'ItemDraftCreated', item: next },
      { type: 'ItemSubmitted', item: next },
      { type: 'ItemRejected', item: next },
      { type: 'ItemPublished', item: next },
      { type: 'ItemSuperseded', item: old, supersededBy: 'a2' },
      { type: 'ItemRetired', item: next },
    ];
    const messages = toOutbox(events, actor);
    expect(messages.map((m) => [m.topic, m.key])).toEqual([
      ...Array(4).fill([ITEM_TOPIC, 'a2']),
      [ITEM_TOPIC, 'a1'],
      [ITEM_TOPIC, 'a2'],
    ]);
    const envelopes = messages.map((m) => decodeEnvelope(m.value));
    expect(envelopes.map((e) => [e.type, e.tenant, e.aggregateVersion])).toEqual([
      ['govhall.catalogue.v1.ItemDraftCreated', '620321', 3],
      ['govhall.catalogue.v1.ItemSubmitted', '620321', 3],
      ['govhall.catalogue.v1.ItemRejected', '620321', 3],
      ['govhall.catalogue.v1.ItemPublished', '620321', 3],
      ['govhall.catalogue.v1.ItemSuperseded', '620321', 4],
      ['govhall.catalogue.v1.ItemRetired', '620321', 3],
    ]);
    const superseded = catalogueV1.ItemSuperseded.decode(envelopes[4]!.payload);
    expect(superseded).toMatchObject({ supersededBy: 'a2', item: { id: 'a1', edition: 1 } });
    const published = catalogueV1.ItemPublished.decode(envelopes[3]!.payload);
    expect(published.item?.content?.materials).toHaveLength(6);
  });
});
