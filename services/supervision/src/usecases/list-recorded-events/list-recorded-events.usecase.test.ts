import { ForbiddenError, ValidationError } from '@govhall/errors';
import { principal } from '../clocks.test-double';
import type { RecordedEvent } from '../../domain/recorded-event';
import type { EventJournal } from '../ports';
import { recordEventUseCase } from '../record-event/record-event.usecase';
import { listRecordedEventsUseCase } from './list-recorded-events.usecase';

class MemoryJournal implements EventJournal {
  events = new Map<string, RecordedEvent>();
  async record(e: RecordedEvent) {
    if (!this.events.has(e.eventId)) this.events.set(e.eventId, e);
  }
  async recordAll(list: readonly RecordedEvent[]) {
    for (const e of list) await this.record(e);
  }
  async listByAggregate(id: string) {
    return [...this.events.values()].filter((e) => e.aggregateId === id);
  }
}

const who = principal;
const event = (eventId: string, tenant: string) => ({
  eventId,
  type: 'govhall.catalogue.v1.ItemDraftCreated',
  tenant,
  aggregateId: 'agg-1',
  aggregateVersion: 1,
  occurredAt: new Date(),
  topic: 'govhall.catalogue.item',
  traceparent: '',
});

describe('event journal use cases', () => {
  it('records an event once and scopes supervisors to their tenant', async () => {
    const journal = new MemoryJournal();
    const record = recordEventUseCase({ journal, clock: { now: () => new Date() } });
    await record(event('e1', '620321'));
    await record(event('e1', '620321'));
    await record(event('e2', '620302'));
    const list = listRecordedEventsUseCase({ journal });
    expect(await list('agg-1', who(['supervisor']))).toHaveLength(1);
    expect(await list('agg-1', who(['ops_admin']))).toHaveLength(2);
  });

  it('lets a city supervisor read its counties (vertical supervision) but not another city', async () => {
    const journal = new MemoryJournal();
    const record = recordEventUseCase({ journal, clock: { now: () => new Date() } });
    await record(event('e1', '620321'));
    await record(event('e2', '620302'));
    await record(event('e3', '620123'));
    const list = listRecordedEventsUseCase({ journal });
    const seen = async (tenant: string) => (await list('agg-1', who(['supervisor'], tenant))).map((e) => e.tenant);
    expect((await seen('620300')).sort()).toEqual(['620302', '620321']);
    expect(await seen('620100')).toEqual(['620123']);
    expect(await seen('620302')).toEqual(['620302']);
  });

  it('refuses other roles and malformed ids', async () => {
    const list = listRecordedEventsUseCase({ journal: new MemoryJournal() });
    await expect(list('agg-1', who(['window_clerk']))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(list('a b', who(['supervisor']))).rejects.toBeInstanceOf(ValidationError);
  });
});
