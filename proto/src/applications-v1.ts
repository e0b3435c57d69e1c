export * from './gen/govhall/applications/v1/case';
export * from './gen/govhall/applications/v1/events';
export * from './gen/govhall/applications/v1/applications_service';
