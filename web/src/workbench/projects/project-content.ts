import type { Project, ProjectAuthorisation, ProjectContent, ProjectKind } from '../../api/types';

/** The project form's values (新建项目 and 修改项目信息): the content as a clerk enters it. */
export interface ProjectContentValues {
  name: string;
  projectCode?: string;
  kind?: ProjectKind;
  authorisation?: ProjectAuthorisation;
  location?: string;
  description?: string;
  /** Entered in 万元, held in fen. */
  totalInvestmentFen?: number;
  publicProgress: boolean;
  classified: boolean;
}

/** The form fields the API's violations name (body fields, bare). */
export const CONTENT_FIELDS = [
  'name',
  'projectCode',
  'kind',
  'authorisation',
  'location',
  'description',
  'totalInvestmentFen',
  'classified',
  'publicProgress',
] as const;

/** A new project's form starts public and not classified. */
export const NEW_CONTENT: Partial<ProjectContentValues> = { publicProgress: true, classified: false };

/** A project's content as the form's starting values (修改项目信息). */
export function contentValuesOf(p: Project): ProjectContentValues {
  return {
    name: p.name,
    projectCode: p.projectCode ?? '',
    kind: p.kind,
    authorisation: p.authorisation,
    location: p.location,
    description: p.description,
    ...(p.totalInvestmentFen > 0 ? { totalInvestmentFen: p.totalInvestmentFen } : {}),
    publicProgress: p.publicProgress,
    classified: p.classified,
  };
}

/**
 * The whole content as the API takes it (a replace: a field left empty is sent empty, so clearing it clears it);
 * texts trimmed, no amount is 0, and a classified project is never public.
 */
export function contentBody(v: ProjectContentValues): ProjectContent {
  return {
    name: v.name.trim(),
    projectCode: v.projectCode?.trim() ?? '',
    kind: v.kind!,
    authorisation: v.authorisation!,
    classified: v.classified,
    publicProgress: v.publicProgress && !v.classified,
    location: v.location?.trim() ?? '',
    description: v.description?.trim() ?? '',
    totalInvestmentFen: v.totalInvestmentFen ?? 0,
  };
}
