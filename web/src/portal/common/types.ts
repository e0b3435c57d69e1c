/** The portal's names for generated API shapes (never written by hand; see web/src/api/types.ts). */
import type { paths } from '../../api/schema';
import type { Case, Profile } from '../../api/types';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type LegalPerson = Profile['heldLegalPersons'][number];
export type AgentGrant = LegalPerson['agents'][number];
export type Licence = Json<paths['/api/v1/licences/mine']['get']['responses'][200]>['licences'][number];
export type PublishedItem = Json<paths['/api/v1/catalogue/published/{id}']['get']['responses'][200]>;
export type CaseMaterial = Case['materials'][number];
export type CaseProblem = Case['problems'][number];
