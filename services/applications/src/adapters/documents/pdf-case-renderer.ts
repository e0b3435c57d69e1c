import {
  acceptanceNotice,
  applicationCopy,
  decision,
  defaultFonts,
  extensionNotice,
  licence,
  oneTimeNotice,
  refusalNotice,
  renderOfficialDocument,
  suspensionNotice,
  type CaseDocumentBase,
  type OfficialDocumentSpec,
  type Party,
  type PdfFonts,
  type Remedies,
} from '@govhall/pdf';
import type { Case } from '../../domain/case';
import type { Edition } from '../../domain/edition';
import type { Editions } from '../../usecases/ports';
import type { DocumentRenderer, RenderInput } from './stored-documents';

/** Links printed (and in QR codes) on documents: the public progress query and the licence verification. */
export interface PublicLinks {
  progress(caseNumber: string): string;
  verifyLicence(code: string): string;
}

function party(c: Case): Party {
  const a = c.applicant;
  const agent = a.agentName ? { name: a.agentName } : undefined;
  return a.kind === 'natural_person'
    ? { name: a.name, idNumber: a.idCode, agent }
    : { name: a.name, creditCode: a.idCode, agent };
}

/** 行政复议 to the people's government of the tenant, 行政诉讼 at its people's court. */
function remedies(tenantName: string): Remedies {
  return { reconsiderationBodies: [`${tenantName}人民政府`], court: `${tenantName}人民法院` };
}

function parsed(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return {};
  }
}

function spec(input: RenderInput, edition: Edition | null, links: PublicLinks): OfficialDocumentSpec {
  const c = input.case;
  const d = input.details;
  const tenantName = edition?.tenantName ?? c.tenant;
  const departmentName = edition?.departmentName ?? c.department;
  const base: CaseDocumentBase = {
    issuingBody: input.issuingBody,
    documentNumber: input.number,
    caseNumber: c.caseNumber,
    itemName: c.itemName,
    applicant: party(c),
    date: input.issuedAt,
    createdAt: input.issuedAt,
    seal: { department: departmentName },
  };
  const promised = c.clocks.promised;
  switch (input.kind) {
    case 'application_copy':
      return applicationCopy({
        formData: parsed(c.formData),
        materials: c.materials.map((m) => ({
          name: m.name,
          files: m.files.map((f) => ({ name: f.fileName, sha256: f.sha256, size: f.size })),
          citedLicence: m.licence?.licenceNumber,
        })),
        issuingBody: input.issuingBody,
        caseNumber: c.caseNumber,
        itemName: c.itemName,
        itemCode: c.itemBasicCode,
        edition: c.itemEdition,
        applicant: party(c),
        submittedAt: c.submittedAt ?? input.issuedAt,
        formSchema: (parsed(edition?.formSchema || '{}') ?? {}) as never,
        verificationUrl: links.progress(c.caseNumber),
        createdAt: input.issuedAt,
      });
    case 'acceptance_notice':
      return acceptanceNotice({
        ...base,
        receivedOn: c.clocks.receivedDate,
        acceptedOn: c.clocks.acceptedDate || c.clocks.receivedDate,
        promisedLimit: promised ? `${promised.limitWorkingDays}个工作日` : '当场办结',
        promisedCompletionOn: promised?.dueDate || c.clocks.acceptedDate || c.clocks.receivedDate,
        followUp: { url: links.progress(c.caseNumber) },
      });
    case 'one_time_notice':
      return oneTimeNotice({
        ...base,
        receivedOn: c.clocks.receivedDate,
        problems: (d.problems ?? c.problems).map((p) => ({
          subject: c.materials.find((m) => m.materialId === p.materialId)?.name ?? (p.field || '申请材料'),
          problem: p.message,
          remedy: p.materialId ? '请按要求补正后重新提交该材料' : '请按要求修改后重新提交',
        })),
        supplementWhere:
          c.channel === 'online' ? '网上办事大厅（登录后在“我的办件”中补正）' : `${tenantName}政务服务中心受理窗口`,
      });
    case 'refusal_notice':
      return refusalNotice({
        ...base,
        receivedOn: c.clocks.receivedDate,
        reasons: d.reasons ?? [],
        remedies: remedies(tenantName),
      });
    case 'decision': {
      const approved = (c.decision?.outcome ?? 'approved') === 'approved';
      return decision({
        ...base,
        outcome: approved ? 'approve' : 'deny',
        acceptedOn: c.clocks.acceptedDate || c.clocks.receivedDate,
        reasons: d.reasons ?? c.decision?.reasons ?? [],
        licence: d.licence
          ? { name: d.licence.name, number: d.licence.number, validUntil: d.licence.validUntil || undefined }
          : undefined,
        remedies: remedies(tenantName),
      });
    }
    case 'licence': {
      const l = d.licence!;
      return licence({
        licenceName: l.name,
        licenceNumber: l.number,
        holder: party(c),
        itemName: c.itemName,
        caseNumber: c.caseNumber,
        issuingDepartment: departmentName,
        seal: { department: departmentName },
        issuedOn: input.issuedAt,
        validFrom: l.validFrom,
        validUntil: l.validUntil || undefined,
        verificationCode: l.verificationCode,
        verificationUrl: links.verifyLicence(l.verificationCode),
        createdAt: input.issuedAt,
      });
    }
    case 'suspension_notice': {
      const s = c.suspensions.at(-1);
      return suspensionNotice({
        ...base,
        procedure: s?.procedure ?? '',
        reason: s?.reason ?? '',
        plannedLength: `${s?.plannedWorkingDays ?? 0}个工作日`,
        startsOn: s?.startedDate || input.issuedAt,
      });
    }
    case 'extension_notice':
      return extensionNotice({
        ...base,
        reason: c.extension?.reason ?? '',
        extension: `${c.extension?.workingDays ?? 0}个工作日`,
        originalDeadline: d.originalDeadline ?? '',
        newDeadline: promised?.dueDate ?? '',
        approvedBy: d.approvedBy ?? `${departmentName}负责人`,
      });
  }
}

/** Renders case documents with @govhall/pdf's builders (Chinese fonts, seal drawing, QR codes, content hash). */
export function pdfCaseRenderer(deps: { editions: Editions; links: PublicLinks; fonts?: PdfFonts }): DocumentRenderer {
  const fonts = deps.fonts ?? defaultFonts();
  return async (input) => {
    const edition = await deps.editions.get(input.case.itemId);
    return renderOfficialDocument(fonts, spec(input, edition, deps.links));
  };
}
