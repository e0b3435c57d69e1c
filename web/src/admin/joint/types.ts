import type { paths } from '../../api/schema';

// The 联办设置 area's shapes, named from the client generated from the gateway's OpenAPI document.

type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer B } } };
}
  ? B
  : never;
type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type JointSettings = Ok<'/api/v1/joint-review/settings/{tenant}', 'get'>['settings'];
export type SettingsBody = Body<'/api/v1/joint-review/settings/{tenant}', 'put'>;
export type LeadRule = JointSettings['leadRule'];
export type JointFlow = Ok<'/api/v1/joint-review/flows/{tenant}/{itemSeriesId}', 'get'>['flow'];
export type FlowBody = Body<'/api/v1/joint-review/flows/{tenant}/{itemSeriesId}', 'put'>;
export type CatalogueItem = Ok<'/api/v1/catalogue/items', 'get'>['items'][number];
