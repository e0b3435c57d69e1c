export * from './gen/govhall/complaints/v1/complaints_service';
export * from './gen/govhall/complaints/v1/rating';
export * from './gen/govhall/complaints/v1/rating_service';
export * from './gen/govhall/complaints/v1/rating_events';
