export * from './gen/govhall/supervision/v1/supervision_service';
