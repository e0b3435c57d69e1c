export * from './gen/govhall/complaints/v1/complaints_service';
export * from './gen/govhall/complaints/v1/rating';
export * from './gen/govhall/complaints/v1/rating_service';
export * from './gen/govhall/complaints/v1/rating_events';
export * from './gen/govhall/complaints/v1/rectification';
export * from './gen/govhall/complaints/v1/rectification_service';
export * from './gen/govhall/complaints/v1/rectification_events';
