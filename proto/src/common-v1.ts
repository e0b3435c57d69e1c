export * from './gen/govhall/common/v1/actor';
export { Money } from './gen/govhall/common/v1/money';
export { TenantRef } from './gen/govhall/common/v1/tenant';
export { PageRequest, PageResponse } from './gen/govhall/common/v1/paging';
