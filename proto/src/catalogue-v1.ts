export * from './gen/govhall/catalogue/v1/item';
export * from './gen/govhall/catalogue/v1/events';
export * from './gen/govhall/catalogue/v1/catalogue_service';
export * from './gen/govhall/catalogue/v1/calendar';
