import type { HandlingCategory, ItemKind } from '../../domain/item';
import type {
  CompareOp,
  DeliveryOption,
  Faq,
  FeeLine,
  ItemContent,
  LegalBasis,
  Material,
  OnlineDepth,
  PreReviewRule,
  ServiceObject,
  SpecialProcedure,
  TimeLimit,
} from '../../domain/item-content';
import { bodyOf, CENTER_HOURS, COMPLAINT_PHONE, creditCodeOf, type BodyStaff } from './bodies';

/** One item of the seed catalogue: the identity fields of a draft plus its complete 实施清单 content. */
export interface SeedItem {
  tenant: string;
  department: string;
  name: string;
  basicCode: string;
  kind: ItemKind;
  handlingCategory: HandlingCategory;
  content: ItemContent;
}

/** A workflow step: name, role, budget in working days and, when another body does it, that body's department. */
export type StepSpec = [name: string, role: keyof BodyStaff, budgetWorkingDays: number, department?: string];

export interface ItemSpec {
  department: string;
  name: string;
  basicCode: string;
  kind: ItemKind;
  handlingCategory: HandlingCategory;
  serviceObject: ServiceObject;
  legalBases: LegalBasis[];
  acceptanceConditions: string[];
  materials: Material[];
  /** The form's JSON Schema (see forms.ts). */
  form: string;
  rules: PreReviewRule[];
  statutory: TimeLimit;
  promised: TimeLimit;
  promiseExceptionReason?: string;
  visits: number;
  specialProcedures?: SpecialProcedure[];
  fees?: FeeLine[];
  workflow: StepSpec[];
  onlineDepth: OnlineDepth;
  deliveryOptions: DeliveryOption[];
  faq: Faq[];
  coDepartments?: string[];
  /** Overrides the body's usual window (e.g. the 一件事 window of the comprehensive area). */
  windowLocation?: string;
}

/** 1 national … 4 county: a city tenant (xxxx00) is level 3, a district or county level 4. */
function levelOf(tenant: string): number {
  return tenant.endsWith('00') ? 3 : 4;
}

export function seedItem(spec: ItemSpec): SeedItem {
  const tenant = spec.department.slice(0, spec.department.indexOf('-'));
  const level = levelOf(tenant);
  const body = bodyOf(spec.department);
  return {
    tenant,
    department: spec.department,
    name: spec.name,
    basicCode: spec.basicCode,
    kind: spec.kind,
    handlingCategory: spec.handlingCategory,
    content: {
      implementationCode: `${creditCodeOf(spec.department)}${level}${spec.basicCode}`,
      localCodes: [],
      level,
      serviceObject: spec.serviceObject,
      legalBases: spec.legalBases,
      acceptanceConditions: spec.acceptanceConditions,
      materials: spec.materials,
      form: { jsonSchema: spec.form, uiSchema: '' },
      preReviewRules: spec.rules,
      statutoryLimit: spec.statutory,
      promisedLimit: spec.promised,
      promiseExceptionReason: spec.promiseExceptionReason ?? '',
      visits: spec.visits,
      specialProcedures: spec.specialProcedures ?? [],
      fees: spec.fees ?? [],
      workflow: spec.workflow.map(([name, role, budgetWorkingDays, department]) => {
        const person = bodyOf(department ?? spec.department).staff[role];
        return { name, role, budgetWorkingDays, responsibleName: person.name, responsiblePhone: person.phone };
      }),
      location: {
        windowLocation: spec.windowLocation ?? body.windowLocation,
        hours: CENTER_HOURS,
        consultationPhone: body.consultationPhone,
        complaintPhone: COMPLAINT_PHONE,
      },
      onlineDepth: spec.onlineDepth,
      deliveryOptions: spec.deliveryOptions,
      faq: spec.faq,
      coDepartments: spec.coDepartments ?? [],
    },
  };
}

export const workingDays = (days: number): TimeLimit => ({ days, unit: 'working_day' });
/** For laws that say "N日" without "工作日" (read literally as natural days). */
export const naturalDays = (days: number): TimeLimit => ({ days, unit: 'natural_day' });

export function law(name: string, article: string, text: string): LegalBasis {
  return { law: name, article, text };
}

export function faq(question: string, answer: string): Faq {
  return { question, answer };
}

/** A material; by default a required original, one copy of it, uploadable as pdf/jpg/png up to 10 MB. */
export function material(id: string, name: string, overrides: Partial<Material> = {}): Material {
  return {
    id,
    name,
    required: true,
    condition: '',
    form: 'original',
    originalCount: 1,
    copyCount: 0,
    formats: ['pdf', 'jpg', 'png'],
    maxSizeKb: 10240,
    blankFormFileId: '',
    sampleFileId: '',
    notes: '',
    satisfiedByLicenceType: '',
    ...overrides,
  };
}

/** A copy of a document the window may also fetch through data sharing (then nothing needs to be handed in). */
export function sharedCopy(id: string, name: string, notes: string): Material {
  return material(id, name, { form: 'copy', originalCount: 0, copyCount: 1, notes });
}

/** An identity document checked against the original at the window (not kept). */
export function identityDocument(id: string, name: string): Material {
  return material(id, name, {
    formats: ['jpg', 'png', 'pdf'],
    maxSizeKb: 5120,
    notes: '窗口核验原件后当场退还；网上申请上传证件正反面照片',
  });
}

export function powerOfAttorney(): Material {
  return material('power-of-attorney', '授权委托书及受托人身份证明', {
    required: false,
    condition: '委托他人代为办理的',
    notes: '委托书应载明委托事项、权限和期限，并由委托人签名或盖章',
  });
}

function rule(id: string, kind: PreReviewRule['kind'], message: string, fields: Partial<PreReviewRule>): PreReviewRule {
  return { id, kind, field: '', op: '', value: '', materialId: '', licenceType: '', message, ...fields };
}

export function residentIdRule(id: string, field: string, who: string): PreReviewRule {
  return rule(id, 'field_resident_id', `${who}的公民身份号码校验未通过，请核对后重新填写`, { field });
}

export function creditCodeRule(id: string, field: string, who: string): PreReviewRule {
  return rule(id, 'field_credit_code', `${who}的统一社会信用代码校验未通过，请对照营业执照（登记证书）核对`, { field });
}

export function compareRule(id: string, field: string, op: CompareOp, value: unknown, message: string): PreReviewRule {
  const literal = op === 'present' || op === 'absent' ? '' : JSON.stringify(value);
  return rule(id, 'field_compare', message, { field, op, value: literal });
}

export function materialRule(id: string, materialId: string, message: string): PreReviewRule {
  return rule(id, 'material_present', message, { materialId });
}
