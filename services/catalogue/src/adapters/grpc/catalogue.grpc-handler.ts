import type { GrpcServer } from '@govhall/grpc';
import { catalogueV1 } from '@govhall/proto';
import type { CatalogueComposition } from '../../compose';
import { calendarHandlers } from './calendar.handlers';
import { itemHandlers } from './items.handlers';
import { publicHandlers } from './public.handlers';

/** govhall.catalogue.v1.CatalogueService: every RPC, from the item, public-reading and calendar handlers. */
export function registerCatalogueService(
  server: GrpcServer,
  uc: Pick<CatalogueComposition, 'items' | 'publicReads' | 'calendar'>,
  afterWrite: () => void,
): void {
  const impl: catalogueV1.CatalogueServiceServer = {
    ...itemHandlers(server, uc.items, afterWrite),
    ...publicHandlers(server, uc.publicReads),
    ...calendarHandlers(server, uc.calendar, afterWrite),
  };
  server.addService('govhall.catalogue.v1.CatalogueService', catalogueV1.CatalogueServiceService, impl);
}
