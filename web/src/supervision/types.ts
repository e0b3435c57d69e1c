import type { paths } from '../api/schema';

/* Names for the supervision answers, taken from the client generated from the gateway's OpenAPI document. */
type Ok<P extends keyof paths, M extends keyof paths[P], S extends number = 200> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

export type ClockPage = Ok<'/api/v1/supervision/clocks', 'get'>;
export type Clock = ClockPage['clocks'][number];
export type SignalPage = Ok<'/api/v1/supervision/signals', 'get'>;
export type Signal = SignalPage['signals'][number];
export type SignalLevel = Signal['level'];
export type Thresholds = Ok<'/api/v1/supervision/thresholds', 'get'>['thresholds'];
export type DryRun = Ok<'/api/v1/supervision/thresholds/dry-run', 'post'>;
export type ViolationPage = Ok<'/api/v1/supervision/violations', 'get'>;
export type Violation = ViolationPage['violations'][number];
export type ViolationKind = Violation['kind'];
export type Accountability = Ok<'/api/v1/supervision/accountabilities', 'get'>['accountabilities'][number];
export type Sanction = Accountability['sanctions'][number];
export type Inspection = Ok<'/api/v1/supervision/inspections', 'post', 201>['inspection'];

/** One event of the live feed (GET /api/v1/supervision/live, ADR 0039). */
export type LiveEvent =
  | { type: 'clock'; clock: Clock }
  | { type: 'signal_raised'; signal: Signal }
  | { type: 'signal_cleared'; signal: Signal };
export type ScoringStandard = Ok<'/api/v1/supervision/scoring/standard', 'get'>['standard'];
export type StandardVersions = Ok<'/api/v1/supervision/scoring/standard/versions', 'get'>['versions'];
export type SubjectScores = Ok<'/api/v1/supervision/scoring/scores', 'get'>;
export type SubjectScore = SubjectScores['scores'][number];
export type AnnualGrades = Ok<'/api/v1/supervision/scoring/annual-grades', 'get'>;
export type Grade = SubjectScore['grade'];
export type KpiList = Ok<'/api/v1/supervision/kpis', 'get'>;
export type KpiFigures = KpiList['figures'][number];
export type KpiCounts = KpiFigures['counts'];
export type OrderPage = Ok<'/api/v1/supervision/orders', 'get'>;
export type Order = OrderPage['orders'][number];
export type OrderAnswer = Ok<'/api/v1/supervision/orders/{id}', 'get'>;
export type StaffMessagePage = Ok<'/api/v1/supervision/messages/mine', 'get'>;
export type StaffMessage = StaffMessagePage['messages'][number];
