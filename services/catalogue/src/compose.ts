import { randomUUID } from 'node:crypto';
import { createAuthorizer } from '@govhall/auth';
import type { Logger } from '@govhall/logging';
import type { Connection } from '@govhall/mongo';
import { CachedDirectoryNames, GrpcTenantDirectoryReader } from './adapters/identity/identity-directory-names';
import { MongoCalendarOverrideRepository } from './adapters/mongo/calendar.repository';
import { MongoItemFileRepository } from './adapters/mongo/item-file.repository';
import { MongoItemRepository } from './adapters/mongo/item.repository';
import { MongoPublishedItemsQuery } from './adapters/mongo/published-items.query';
import { PdfkitGuideRenderer } from './adapters/pdf/guide-pdf.renderer';
import { ItemSearchIndex } from './adapters/search/item-search-index';
import { SearchIndexRefresher } from './adapters/search/search-index-refresher';
import type { Item } from './domain/item';
import { createCalendarUseCases } from './usecases/calendar.use-cases';
import { createItemUseCases } from './usecases/items.use-cases';
import { createPublicUseCases } from './usecases/public.use-cases';

export interface ComposeOptions {
  connection: Connection;
  logger: Logger;
  hostedTenants: readonly string[];
  /** How often the search index compares itself with the database (other replicas' publications). */
  searchRefreshMs?: number;
  /** Identity's gRPC address (names of tenants and departments, service centers) and how long its answers are kept. */
  identity: { address: string; cacheMs?: number };
  /** false for the seed: no process serves searches from this composition, so publications skip the index. */
  liveIndex?: boolean;
}

/** Composition root shared by the server (main.ts) and the seed: repositories, search index, use cases. */
export function composeCatalogue(options: ComposeOptions) {
  const { connection, logger, hostedTenants } = options;
  const clock = { now: () => new Date() };
  const ids = { newId: randomUUID };
  const authorizer = createAuthorizer(logger);

  const itemsRepo = new MongoItemRepository(connection);
  const files = new MongoItemFileRepository(connection);
  const overrides = new MongoCalendarOverrideRepository(connection);
  const published = new MongoPublishedItemsQuery(connection);
  const identity = new GrpcTenantDirectoryReader(options.identity.address);
  const names = new CachedDirectoryNames(identity, {
    clock,
    logger,
    ttlMs: options.identity.cacheMs ?? 300_000,
    retryMs: 10_000,
  });
  const index = new ItemSearchIndex();
  const refresher = new SearchIndexRefresher(index, published, {
    intervalMs: options.searchRefreshMs ?? 30_000,
    logger,
  });

  /** This process's publications reach its own index at once; superseded editions on the next refresh. */
  const onPublished = (item: Item) => {
    if (options.liveIndex === false) return;
    index.upsert(item);
    refresher.refresh().catch((err: unknown) => logger.warn({ err }, 'search index refresh failed'));
  };

  const rawItems = createItemUseCases({ items: itemsRepo, clock, ids, authorizer, hostedTenants });
  const items = {
    ...rawItems,
    reviewItem: async (...args: Parameters<typeof rawItems.reviewItem>) => {
      const item = await rawItems.reviewItem(...args);
      onPublished(item);
      return item;
    },
    retireItem: async (...args: Parameters<typeof rawItems.retireItem>) => {
      const item = await rawItems.retireItem(...args);
      onPublished(item);
      return item;
    },
  };
  const publicReads = createPublicUseCases({
    search: index,
    published,
    names,
    pdf: new PdfkitGuideRenderer(),
    files,
    authorizer,
    clock,
    ids,
    hostedTenants,
  });
  const calendar = createCalendarUseCases({ overrides, authorizer, clock, hostedTenants });

  return {
    items,
    publicReads,
    calendar,
    search: { index, refresher },
    /** Closes the channel to identity. */
    identity,
    onPublished,
    models: [itemsRepo.model, files.model, overrides.model],
    /** Collections whose documents carry outbox messages. */
    outboxCollections: [itemsRepo.model.collection, overrides.model.collection],
  };
}

export type CatalogueComposition = ReturnType<typeof composeCatalogue>;
