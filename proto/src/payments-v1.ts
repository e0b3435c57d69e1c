export * from './gen/govhall/payments/v1/fee_item';
export * from './gen/govhall/payments/v1/notice';
export * from './gen/govhall/payments/v1/payments_service';
export * from './gen/govhall/payments/v1/bank_service';
export * from './gen/govhall/payments/v1/events';
export * from './gen/govhall/payments/v1/reconciliation';
export * from './gen/govhall/payments/v1/reconciliation_service';
export * from './gen/govhall/payments/v1/reconciliation_events';
