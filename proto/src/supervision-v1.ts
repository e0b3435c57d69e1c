export * from './gen/govhall/supervision/v1/clocks';
export * from './gen/govhall/supervision/v1/violations';
export * from './gen/govhall/supervision/v1/events';
export * from './gen/govhall/supervision/v1/supervision_service';
export * from './gen/govhall/supervision/v1/violation_service';
export * from './gen/govhall/supervision/v1/scoring';
export * from './gen/govhall/supervision/v1/scoring_service';
