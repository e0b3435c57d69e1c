import { applicationsV1 } from '@govhall/proto';
import { caseStatus } from '../adapters/grpc/case-enums';
import type { CaseStatus, DeliveryMethod } from '../domain/case';
import { stepKind } from '../domain/handling';
import type { DemoCase } from './demo-cases.plan';
import { DEMO_FORMS, type DemoCast } from './demo-forms';
import type { CasesSeedApi } from './seed-api';

/**
 * Drives one demo case to its target state through the applications API, one act at a time, each by the person
 * whose act it is: the applicant (or the agent) online, today's responsible clerk of the case's window for window
 * acts (ADR 0024), the active step's role for the steps, the approver for the decision. Every act starts from
 * the case as it is now, so a re-run — or a run cut short — carries on from where the case stands and does
 * nothing for a case already in its state.
 */

const pb = applicationsV1;

export interface DriveContext {
  api: CasesSeedApi;
  /** The demo's people and company. */
  cast: DemoCast;
  /** Username prefix of the tenant's seeded staff (`ycx` → ycx-clerk, ycx-reviewer …). */
  staffPrefix: string;
  /** Today in Asia/Shanghai (YYYY-MM-DD). */
  today: string;
  /** A small PDF standing for a material handed in. */
  materialPdf(input: { applicant: string; material: string; itemName: string }): Promise<Buffer>;
  /** Identity's id of the demo company, as the filer sees it. */
  companyId(filer: string): Promise<string>;
  /** Username of whoever serves the window today. */
  windowClerk(windowId: string): Promise<string>;
  /** A window serving `department` and its responsible clerk today (walk-ins). */
  counterFor(tenant: string, department: string): Promise<{ windowId: string; clerk: string }>;
}

export interface Driven {
  case: applicationsV1.Case;
  /** Acts done in this run (0: the case was already there). */
  acts: number;
}

const ROLE_SLUGS: Readonly<Record<string, string>> = {
  window_clerk: 'clerk',
  reviewer: 'reviewer',
  approver: 'approver',
  department_head: 'head',
  center_admin: 'admin',
};

const DELIVERY: Readonly<Record<DeliveryMethod, applicationsV1.DeliveryMethod>> = {
  window_pickup: pb.DeliveryMethod.DELIVERY_METHOD_WINDOW_PICKUP,
  post: pb.DeliveryMethod.DELIVERY_METHOD_POST,
  electronic: pb.DeliveryMethod.DELIVERY_METHOD_ELECTRONIC,
};

/** The most acts any demo case needs (upload, submit, pre-review, accept, steps, decide, issue, deliver, archive). */
const MAX_ACTS = 30;

export const statusOf = (c: applicationsV1.Case): CaseStatus => caseStatus.fromProto(c.status);

/** Five years less a day from `today`: the validity of a demo licence. */
export function fiveYearsFrom(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + 5, m - 1, d - 1)).toISOString().slice(0, 10);
}

export async function driveDemoCase(ctx: DriveContext, demo: DemoCase): Promise<Driven> {
  const form = DEMO_FORMS[demo.basicCode];
  if (!form) throw new Error(`no demo form for item ${demo.basicCode}`);
  const filer = demo.filer.idNumber;
  const staff = (role: string) => `${ctx.staffPrefix}-${ROLE_SLUGS[role] ?? 'clerk'}`;
  const formData = JSON.stringify(demo.faulty ? form.faulty(demo.filer, ctx.cast) : form.valid(demo.filer, ctx.cast));
  const contact = { mobile: demo.filer.phone, email: demo.filer.email };

  let c: applicationsV1.Case;
  if (demo.channel === 'counter') {
    const counter = await ctx.counterFor(demo.tenant, demo.department);
    c = await ctx.api.act(
      'registerWalkIn',
      {
        idempotencyKey: demo.key,
        itemId: demo.itemId,
        applicantIdCode: demo.filer.idNumber,
        agentIdNumber: '',
        formData,
        contact,
        windowId: counter.windowId,
      },
      counter.clerk,
    );
  } else {
    c = await ctx.api.act(
      'openCase',
      {
        idempotencyKey: demo.key,
        itemId: demo.itemId,
        onBehalfOf: demo.forCompany ? await ctx.companyId(filer) : '',
        formData,
        contact,
      },
      filer,
    );
  }
  // The key answers the case as first stored; read it as it is now.
  c = await ctx.api.act('getCase', { id: c.id }, filer);

  let acts = 0;
  for (;;) {
    const next = nextAct(c);
    if (!next) return { case: c, acts };
    if (acts >= MAX_ACTS) throw new Error(`demo case ${demo.key} did not reach ${demo.target} (now ${statusOf(c)})`);
    const extra = next.rpc === 'uploadMaterial' ? await uploadOf(next.request as { materialId: string }) : {};
    const request = { id: c.id, expectedVersion: c.version, ...next.request, ...extra };
    c = await ctx.api.act(next.rpc, request, await next.as());
    acts += 1;
    // The pickup code is shown to the applicant only.
    if (next.rpc === 'issueResult') c = await ctx.api.act('getCase', { id: c.id }, filer);
  }

  async function uploadOf(request: { materialId: string }) {
    const name = c.materials.find((m) => m.materialId === request.materialId)?.name ?? request.materialId;
    const applicant = c.applicant?.name ?? demo.filer.name;
    return { content: await ctx.materialPdf({ applicant, material: name, itemName: demo.itemName }) };
  }

  type Act = { rpc: Parameters<CasesSeedApi['act']>[0]; request: object; as: () => Promise<string> | string };

  function nextAct(c: applicationsV1.Case): Act | undefined {
    const status = statusOf(c);
    const hasFiles = c.materials.some((m) => m.files.length > 0);
    if (status === demo.target && (status !== 'draft' || hasFiles)) return undefined;
    const clerk = () => ctx.windowClerk(c.windowId);
    const stepRole = () => c.steps.find((s) => s.state === pb.StepState.STEP_STATE_ACTIVE)?.role ?? 'window_clerk';
    switch (status) {
      case 'draft': {
        if (demo.voidDraft) {
          return { rpc: 'voidDraft', request: { reason: '申请事项选择有误，作废后重新申报' }, as: () => filer };
        }
        const wanted = [
          ...form!.materials.filter((m) => !(demo.faulty && m === form!.missingWhenFaulty)),
          ...(demo.filer.idNumber === ctx.cast.liSi.idNumber ? ['power-of-attorney'] : []),
        ];
        const missing = c.materials.find((m) => wanted.includes(m.materialId) && m.files.length === 0);
        if (missing && !(demo.target === 'draft' && hasFiles)) {
          return {
            rpc: 'uploadMaterial',
            request: { materialId: missing.materialId, fileName: `${missing.name}.pdf` },
            as: () => filer,
          };
        }
        if (!c.uploadComplete) return { rpc: 'completeUpload', request: {}, as: () => filer };
        return { rpc: 'submitCase', request: { idempotencyKey: `${demo.key}-submit` }, as: () => filer };
      }
      case 'pre_review': {
        if (demo.withdrawFrom === 'pre_review') {
          return { rpc: 'withdrawCase', request: { reason: '已决定暂缓办理，申请撤回' }, as: () => filer };
        }
        if (demo.target === 'supplement') {
          return {
            rpc: 'issueOneTimeNotice',
            request: { problems: [{ ...form!.notice, ruleId: '', field: '' }] },
            as: clerk,
          };
        }
        if (demo.target === 'not_accepted') {
          return {
            rpc: 'refuseToAccept',
            request: {
              reasons: ['申请事项依法不属于本机关职权范围：申请的经营项目含特殊食品销售，应向金昌市市场监督管理局申请'],
              remedies: [],
            },
            as: clerk,
          };
        }
        if (demo.voidAtWindow) {
          return {
            rpc: 'voidCase',
            request: { kind: pb.VoidReason.VOID_REASON_DUPLICATE, reason: '与该申请人当日提交的同一事项申请重复' },
            as: clerk,
          };
        }
        if (demo.channel === 'counter') {
          if (c.corrections.length === 0) {
            const corrected = { ...(JSON.parse(c.formData) as Record<string, Record<string, unknown>>) };
            corrected.business = { ...corrected.business, employees: 3 };
            return {
              rpc: 'recordCorrection',
              request: {
                corrections: [{ field: 'business.employees', materialId: '', note: '申请人当场更正从业人数为3人' }],
                formData: JSON.stringify(corrected),
              },
              as: clerk,
            };
          }
          return {
            rpc: 'decideOnTheSpot',
            request: {
              outcome: pb.Outcome.OUTCOME_APPROVED,
              reasons: [],
              deliveryMethod: pb.DeliveryMethod.DELIVERY_METHOD_WINDOW_PICKUP,
            },
            as: clerk,
          };
        }
        if (demo.target === 'pre_review_passed' || demo.target === 'awaiting_paper') {
          return { rpc: 'passPreReview', request: { opinion: '申请材料齐全，符合法定形式，预审通过' }, as: clerk };
        }
        return { rpc: 'acceptCase', request: { opinion: '申请材料齐全，符合法定形式，予以受理' }, as: clerk };
      }
      case 'pre_review_passed':
        return { rpc: 'sendToAcceptance', request: {}, as: clerk };
      case 'awaiting_paper':
        return { rpc: 'acceptCase', request: { opinion: '纸质材料原件已核验，予以受理' }, as: clerk };
      case 'processing': {
        if (demo.withdrawFrom === 'processing') {
          return { rpc: 'withdrawCase', request: { reason: '经营场所变更，申请撤回后重新申报' }, as: () => filer };
        }
        if (demo.target === 'suspended') {
          return {
            rpc: 'suspendCase',
            request: {
              procedure: '检测',
              reason: '经营场所生活饮用水须委托有资质的检测机构检测',
              plannedWorkingDays: 10,
            },
            as: () => staff(stepRole()),
          };
        }
        const step = c.steps.find((s) => s.state === pb.StepState.STEP_STATE_ACTIVE);
        if (!step) break;
        if (stepKind(step) === 'decision') {
          const denied = demo.outcome === 'denied';
          return {
            rpc: 'decideCase',
            request: {
              outcome: denied ? pb.Outcome.OUTCOME_DENIED : pb.Outcome.OUTCOME_APPROVED,
              reasons: denied
                ? ['经现场核查，经营场所内食品贮存区与卫生间相邻，不符合食品安全要求']
                : ['申请材料齐全，经审查和现场核查符合许可条件'],
              remedies: [],
            },
            as: () => staff('approver'),
          };
        }
        return {
          rpc: 'completeStep',
          request: { opinion: '经审查，申请材料真实有效，现场核查情况与申请材料一致，同意' },
          as: () => staff(step.role),
        };
      }
      case 'approved': {
        const method = demo.delivery ?? 'electronic';
        return {
          rpc: 'issueResult',
          request: {
            validUntil: fiveYearsFrom(ctx.today),
            deliveryMethod: DELIVERY[method],
            address: method === 'post' ? `${ctx.cast.company.address} ${demo.filer.name}收` : '',
          },
          as: () => staff(stepRole()),
        };
      }
      case 'completed': {
        const method = c.delivery ? deliveryOf(c.delivery.method) : (demo.delivery ?? 'electronic');
        return {
          rpc: 'deliverResult',
          request: {
            method: DELIVERY[method],
            pickupCode: method === 'window_pickup' ? (c.delivery?.pickupCode ?? '') : '',
            trackingNumber: method === 'post' ? `YZ${c.caseNumber.slice(-10)}` : '',
          },
          as: () => staff(stepRole()),
        };
      }
      case 'delivered':
        return { rpc: 'archiveCase', request: {}, as: () => staff('window_clerk') };
      default:
        break;
    }
    throw new Error(`demo case ${demo.key} is ${status}: no way from there to ${demo.target}`);
  }
}

function deliveryOf(method: applicationsV1.DeliveryMethod): DeliveryMethod {
  if (method === pb.DeliveryMethod.DELIVERY_METHOD_POST) return 'post';
  if (method === pb.DeliveryMethod.DELIVERY_METHOD_WINDOW_PICKUP) return 'window_pickup';
  return 'electronic';
}
