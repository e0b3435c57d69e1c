import type { GrpcServer } from '@govhall/grpc';
import type { applicationsV1 } from '@govhall/proto';
import type { DeclarationDeps } from '../../usecases/declaration.ports';
import type { CaseCore } from '../../usecases/deps';
import { completeUploadUseCase } from '../../usecases/complete-upload/complete-upload.usecase';
import { getCaseFileUseCase } from '../../usecases/get-case-file/get-case-file.usecase';
import { openCaseUseCase } from '../../usecases/open-case/open-case.usecase';
import { removeMaterialFileUseCase } from '../../usecases/remove-material-file/remove-material-file.usecase';
import { submitCaseUseCase } from '../../usecases/submit-case/submit-case.usecase';
import { updateDraftUseCase } from '../../usecases/update-draft/update-draft.usecase';
import { uploadMaterialUseCase } from '../../usecases/upload-material/upload-material.usecase';
import { voidDraftUseCase } from '../../usecases/void-draft/void-draft.usecase';
import { withdrawCaseUseCase } from '../../usecases/withdraw-case/withdraw-case.usecase';
import { caseView, toProtoFile } from './case.mapper';
import type { HandlerGroup } from './handler-group';
import { windowPortsOf } from './window.handlers';

export type DeclarationRpc =
  | 'openCase'
  | 'updateDraft'
  | 'uploadMaterial'
  | 'removeMaterialFile'
  | 'completeUpload'
  | 'voidDraft'
  | 'submitCase'
  | 'withdrawCase'
  | 'getCaseFile';

type Req<K extends DeclarationRpc> = Parameters<applicationsV1.ApplicationsServiceServer[K]>[0]['request'];

/** Declaration online (the applicant's RPCs) and reading a material's file. */
export function declarationHandlers(deps: Omit<DeclarationDeps, keyof CaseCore>): HandlerGroup<DeclarationRpc> {
  return (server: GrpcServer, core: CaseCore, afterWrite: () => void) => {
    const all: DeclarationDeps = { ...core, ...deps };
    const open = openCaseUseCase(all);
    const update = updateDraftUseCase(all);
    // The window clerk scans paper materials at the counter: the window's ports say who serves the case's window.
    const withWindows = { ...all, windows: windowPortsOf(core).windows };
    const upload = uploadMaterialUseCase(withWindows);
    const remove = removeMaterialFileUseCase(withWindows);
    const complete = completeUploadUseCase(all);
    const voidDraft = voidDraftUseCase(all);
    const submit = submitCaseUseCase(all);
    const withdraw = withdrawCaseUseCase(all);
    const getFile = getCaseFileUseCase(all);
    const written = <T>(value: T): T => {
      afterWrite();
      return value;
    };
    return {
      openCase: server.unary<Req<'openCase'>, applicationsV1.OpenCaseResponse>('OpenCase', async (req, ctx) => ({
        case: caseView(
          await open(
            {
              idempotencyKey: req.idempotencyKey,
              itemId: req.itemId,
              onBehalfOf: req.onBehalfOf,
              formData: req.formData,
              contact: req.contact,
            },
            ctx.principal,
            ctx.authorization ?? '',
          ),
          ctx.principal,
        ),
      })),
      updateDraft: server.unary<Req<'updateDraft'>, applicationsV1.UpdateDraftResponse>(
        'UpdateDraft',
        async (req, ctx) => ({
          case: caseView(
            await update(
              { id: req.id, expectedVersion: req.expectedVersion, formData: req.formData, contact: req.contact },
              ctx.principal,
            ),
            ctx.principal,
          ),
        }),
      ),
      uploadMaterial: server.unary<Req<'uploadMaterial'>, applicationsV1.UploadMaterialResponse>(
        'UploadMaterial',
        async (req, ctx) => {
          const done = await upload(
            { id: req.id, materialId: req.materialId, fileName: req.fileName, content: Buffer.from(req.content) },
            ctx.principal,
            ctx,
          );
          return { case: caseView(done.case, ctx.principal), file: toProtoFile(done.file) };
        },
      ),
      removeMaterialFile: server.unary<Req<'removeMaterialFile'>, applicationsV1.RemoveMaterialFileResponse>(
        'RemoveMaterialFile',
        async (req, ctx) => ({ case: caseView(await remove(req, ctx.principal, ctx), ctx.principal) }),
      ),
      completeUpload: server.unary<Req<'completeUpload'>, applicationsV1.CompleteUploadResponse>(
        'CompleteUpload',
        async (req, ctx) => ({ case: caseView(await complete(req, ctx.principal), ctx.principal) }),
      ),
      voidDraft: server.unary<Req<'voidDraft'>, applicationsV1.VoidDraftResponse>('VoidDraft', async (req, ctx) => ({
        case: caseView(await voidDraft(req, ctx.principal), ctx.principal),
      })),
      submitCase: server.unary<Req<'submitCase'>, applicationsV1.SubmitCaseResponse>(
        'SubmitCase',
        async (req, ctx) => ({ case: caseView(written(await submit(req, ctx.principal)), ctx.principal) }),
      ),
      withdrawCase: server.unary<Req<'withdrawCase'>, applicationsV1.WithdrawCaseResponse>(
        'WithdrawCase',
        async (req, ctx) => ({ case: caseView(written(await withdraw(req, ctx.principal)), ctx.principal) }),
      ),
      getCaseFile: server.unary<Req<'getCaseFile'>, applicationsV1.GetCaseFileResponse>(
        'GetCaseFile',
        async (req, ctx) => {
          const found = await getFile({ caseId: req.caseId, fileId: req.fileId }, ctx.principal);
          return { file: toProtoFile(found.file), content: found.content };
        },
      ),
    };
  };
}
