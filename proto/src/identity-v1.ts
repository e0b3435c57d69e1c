export * from './gen/govhall/identity/v1/tenancy';
export * from './gen/govhall/identity/v1/people';
export * from './gen/govhall/identity/v1/identity_service';
export * from './gen/govhall/identity/v1/events';
