import type { Names } from '../names';

/** src/adapters/grpc/<name>.grpc-handler.ts: proto ⇄ use case. */
export function grpcHandler(n: Names): string {
  const e = n.entity;
  const ns = `${n.camel}V1`;
  return `import type { GrpcServer } from '@govhall/grpc';
import { ${ns} } from '@govhall/proto';
import type { create${e.pascal}UseCase } from '../../usecases/create-${e.kebab}/create-${e.kebab}.usecase';
import { toProto${e.pascal} } from './${e.kebab}.mapper';

export interface ${n.pascal}UseCases {
  create${e.pascal}: ReturnType<typeof create${e.pascal}UseCase>;
  /** Called after a write that queued outbox messages. */
  afterWrite(): void;
}

/** ${n.protoPackage}.${n.pascal}Service: proto ⇄ use case. */
export function register${n.pascal}Service(server: GrpcServer, uc: ${n.pascal}UseCases): void {
  const impl: ${ns}.${n.pascal}ServiceServer = {
    create${e.pascal}: server.unary<${ns}.Create${e.pascal}Request, ${ns}.Create${e.pascal}Response>(
      'Create${e.pascal}',
      async (req, ctx) => {
        const ${e.camel} = await uc.create${e.pascal}({ tenant: req.tenant, title: req.title }, ctx.principal);
        uc.afterWrite();
        return { ${e.camel}: toProto${e.pascal}(${e.camel}) };
      },
    ),
  };
  server.addService('${n.protoPackage}.${n.pascal}Service', ${ns}.${n.pascal}ServiceService, impl);
}
`;
}

/** src/adapters/grpc/<entity>.mapper.ts: domain → proto, shared with the Kafka adapter. */
export function mapper(n: Names): string {
  const e = n.entity;
  const ns = `${n.camel}V1`;
  return `import type { ${ns} } from '@govhall/proto';
import type { ${e.pascal} } from '../../domain/${e.kebab}';

export function toProto${e.pascal}(${e.camel}: ${e.pascal}): ${ns}.${e.pascal} {
  return {
    id: ${e.camel}.id,
    tenant: ${e.camel}.tenant,
    title: ${e.camel}.title,
    version: ${e.camel}.version,
    createdAt: ${e.camel}.createdAt,
    createdBy: ${e.camel}.createdBy,
  };
}
`;
}

/** src/adapters/kafka/<entity>-events.ts: domain events → outbox messages in the shared envelope. */
export function kafkaEvents(n: Names): string {
  const e = n.entity;
  const ns = `${n.camel}V1`;
  return `import type { Principal } from '@govhall/auth';
import { actorFromPrincipal, buildEnvelope, toOutboxMessage, type OutboxMessage } from '@govhall/kafka';
import { ${ns} } from '@govhall/proto';
import type { ${e.pascal}Event } from '../../domain/${e.kebab}';
import { toProto${e.pascal} } from '../grpc/${e.kebab}.mapper';

/** Topic of the ${e.kebab} stream; key = ${e.kebab} id. Listed in deploy/kafka/topics.txt. */
export const ${e.snake.toUpperCase()}_TOPIC = '${n.topic}';

/** Translates domain events into outbox messages carrying the shared envelope. */
export function toOutbox(events: ${e.pascal}Event[], actor: Principal): OutboxMessage[] {
  return events.map((event) => {
    switch (event.type) {
      case '${e.pascal}Created':
        return toOutboxMessage(
          ${e.snake.toUpperCase()}_TOPIC,
          buildEnvelope({
            type: '${n.protoPackage}.${e.pascal}Created',
            codec: ${ns}.${e.pascal}Created,
            payload: { ${e.camel}: toProto${e.pascal}(event.${e.camel}) },
            tenant: event.${e.camel}.tenant,
            aggregateId: event.${e.camel}.id,
            aggregateVersion: event.${e.camel}.version,
            actor: actorFromPrincipal(actor),
            occurredAt: event.${e.camel}.createdAt,
          }),
        );
    }
  });
}
`;
}

/** src/adapters/mongo/<entity>.schema.ts: one schema per collection, every index naming its query. */
export function schema(n: Names): string {
  const e = n.entity;
  return `import { mongoose } from '@govhall/mongo';
import { declareOutboxIndex, outboxSchemaFields } from '@govhall/kafka';

/** Collection \`${e.collection}\`: one document per ${e.kebab}, with its pending outbox messages. */
export const ${e.camel}Schema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    title: { type: String, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    ...outboxSchemaFields,
  },
  { collection: '${e.collection}', versionKey: false, minimize: false },
);

// Serves the title check of Create${e.pascal}: a second ${e.kebab} with the same title in a tenant fails the insert.
${e.camel}Schema.index({ tenant: 1, title: 1 }, { unique: true });
// Serves the outbox relay's search for documents with unsent events.
declareOutboxIndex(${e.camel}Schema);

export type ${e.pascal}Document = mongoose.InferSchemaType<typeof ${e.camel}Schema>;
`;
}

/** src/adapters/mongo/<entity>.repository.ts */
export function repository(n: Names): string {
  const e = n.entity;
  return `import type { Principal } from '@govhall/auth';
import { isDuplicateKeyError, outboxFields, type Connection, type Model } from '@govhall/mongo';
import type { ${e.pascal}, ${e.pascal}Event } from '../../domain/${e.kebab}';
import type { ${e.pascal}Repository } from '../../usecases/ports';
import { toOutbox } from '../kafka/${e.kebab}-events';
import { ${e.camel}Schema, type ${e.pascal}Document } from './${e.kebab}.schema';

export class Mongo${e.pascal}Repository implements ${e.pascal}Repository {
  readonly model: Model<${e.pascal}Document>;

  constructor(connection: Connection) {
    this.model = connection.model<${e.pascal}Document>('${e.pascal}', ${e.camel}Schema);
  }

  async insert(${e.camel}: ${e.pascal}, events: ${e.pascal}Event[], actor: Principal): Promise<boolean> {
    const { id, ...fields } = ${e.camel};
    try {
      // State and events in one document write: the outbox relay publishes them afterwards.
      await this.model.collection.insertOne({ _id: id as never, ...fields, ...outboxFields(toOutbox(events, actor)) });
      return true;
    } catch (e) {
      if (isDuplicateKeyError(e)) return false;
      throw e;
    }
  }
}
`;
}
