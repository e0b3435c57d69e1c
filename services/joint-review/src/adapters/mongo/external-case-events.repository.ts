import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';
import { isDuplicateKeyError, mongoose, outboxFields, type Connection, type Model } from '@govhall/mongo';
import {
  advance,
  externalCaseId,
  type CaseProgress,
  type ExternalEvent,
} from '../../domain/external-cases/external-event';
import type { ExternalCaseEvents } from '../../usecases/ports';
import { externalEventMessage } from '../kafka/external-case-events';
import { compact } from './joint-review.repository';

/**
 * Collection `external_case_events`: each accepted event of a case run in a department system (J16), `_id` =
 * "<tenant>:<department>:<event id>" (an event id is unique per tenant and department), with its
 * ExternalCaseEventReported in the outbox of the same document.
 */
export const externalEventSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    /** "<tenant>:<department>:<case number>". */
    caseId: { type: String, required: true },
    kind: { type: String, required: true },
    outcome: { type: String, default: '' },
    event: { type: mongoose.Schema.Types.Mixed, required: true },
    reportedBy: { type: String, required: true },
    reportedAt: { type: Date, required: true },
    ...outboxSchemaFields,
  },
  { collection: 'external_case_events', versionKey: false, minimize: false },
);
// Serves progress: a case's events.
externalEventSchema.index({ caseId: 1 });
declareOutboxIndex(externalEventSchema);

interface Stored {
  _id: string;
  caseId: string;
  kind: ExternalEvent['kind'];
  outcome: ExternalEvent['outcome'];
}

const eventKey = (tenant: string, department: string, eventId: string) => `${tenant}:${department}:${eventId}`;

export class MongoExternalCaseEvents implements ExternalCaseEvents {
  readonly model: Model<Stored>;

  constructor(connection: Connection) {
    this.model = connection.model<Stored>('ExternalCaseEvent', externalEventSchema);
  }

  async existing(tenant: string, department: string, eventIds: string[]): Promise<Set<string>> {
    const keys = [...new Set(eventIds.filter((id) => id !== ''))].map((id) => eventKey(tenant, department, id));
    if (keys.length === 0) return new Set();
    const docs = await this.model.find({ _id: { $in: keys } }, { _id: 1 }).lean<{ _id: string }[]>();
    const prefix = eventKey(tenant, department, '');
    return new Set(docs.map((d) => d._id.slice(prefix.length)));
  }

  async progress(caseIds: string[]): Promise<Map<string, CaseProgress>> {
    const lists = await Promise.all(
      caseIds.map((caseId) => this.model.find({ caseId }, { kind: 1, outcome: 1 }).lean<Stored[]>()),
    );
    const progress = new Map<string, CaseProgress>();
    lists.forEach((docs, i) => {
      if (docs.length === 0) return;
      const state = docs.reduce<CaseProgress>((p, d) => advance(d, p), {
        received: false,
        ended: false,
      });
      progress.set(caseIds[i]!, state);
    });
    return progress;
  }

  async insert(event: ExternalEvent, reportedBy: string, at: Date): Promise<boolean> {
    const doc = {
      _id: eventKey(event.tenant, event.department, event.eventId),
      caseId: externalCaseId(event),
      kind: event.kind,
      outcome: event.outcome,
      event: compact(event),
      reportedBy,
      reportedAt: at,
      ...outboxFields([externalEventMessage(event, reportedBy, at)]),
    };
    try {
      await this.model.collection.insertOne(doc as never);
      return true;
    } catch (e) {
      if (isDuplicateKeyError(e)) return false;
      throw e;
    }
  }
}
