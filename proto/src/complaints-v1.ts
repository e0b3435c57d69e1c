export * from './gen/govhall/complaints/v1/complaints_service';
