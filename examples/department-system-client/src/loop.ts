import { createHash } from 'node:crypto';
import { credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import { jointReviewV1 } from '@govhall/proto';

const pb = jointReviewV1;

/** Where the system reaches GovHall and who it is there. */
export interface SystemOptions {
  /** joint-review's gRPC address, host:port. */
  address: string;
  /** Keycloak base URL, e.g. http://127.0.0.1:8080. */
  keycloakUrl: string;
  realm: string;
  /** The department's service account (identity's CreateServiceAccount), client credentials grant. */
  clientId: string;
  clientSecret: string;
  /** The person in the department system who works the tasks (name and staff number), 1-100 characters. */
  handlerName: string;
}

/** What the department system decided on a task; null leaves the task for later. */
export interface OpinionDraft {
  kind: jointReviewV1.OpinionKind;
  text: string;
  reasons?: string[];
  conditions?: string[];
}

/** A file of a task's dossier as downloaded with GetTaskFile, its SHA-256 checked against the dossier's. */
export interface TaskFile {
  /** The file's id in the dossier (SharedFile.id). */
  fileId: string;
  fileName: string;
  contentType: string;
  /** The bytes. */
  content: Buffer;
  /** SHA-256 of the bytes, lower-case hex: equal to the dossier's. */
  sha256: string;
}

/**
 * What the department system decides on a pulled task; `file` is the first material file of the task's dossier,
 * downloaded and checked (none when the dossier has no files).
 */
export type Decide = (
  pulled: jointReviewV1.PulledTask,
  file: TaskFile | undefined,
) => OpinionDraft | null | Promise<OpinionDraft | null>;

export interface HandledTask {
  taskId: string;
  caseNumber: string;
  /** The task as GovHall answered the last call on it (DONE once the opinion was taken). */
  task: jointReviewV1.Task;
  answered: boolean;
  /** The material file downloaded for the task (its bytes left out), when the dossier has one. */
  file?: Omit<TaskFile, 'content'> & { size: number };
}

function withoutContent({ content: _content, ...rest }: TaskFile): Omit<TaskFile, 'content'> {
  return rest;
}

/** An access token of the service account: OAuth 2.0 client credentials at Keycloak's token endpoint. */
export async function fetchToken(o: Pick<SystemOptions, 'keycloakUrl' | 'realm' | 'clientId' | 'clientSecret'>) {
  const res = await fetch(`${o.keycloakUrl}/realms/${encodeURIComponent(o.realm)}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: o.clientId,
      client_secret: o.clientSecret,
    }),
  });
  if (!res.ok) throw new Error(`Keycloak refused the client credentials of ${o.clientId}: HTTP ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

type Unary<Req, Res> = (
  req: Req,
  md: Metadata,
  options: { deadline: Date },
  cb: (err: ServiceError | null, res: Res) => void,
) => unknown;

/** One unary call with the bearer token and a 15-second deadline, as a promise. */
function call<Req, Res>(method: Unary<Req, Res>, req: Req, token: string): Promise<Res> {
  const md = new Metadata();
  md.set('authorization', `Bearer ${token}`);
  return new Promise((resolve, reject) =>
    method(req, md, { deadline: new Date(Date.now() + 15_000) }, (err, res) => (err ? reject(err) : resolve(res))),
  );
}

/**
 * Downloads a file of the task's dossier with GetTaskFile and checks its size and SHA-256 against the dossier's entry
 * (a mismatch throws: the file changed or broke on the way, do not decide on it).
 */
export async function fetchTaskFile(
  client: jointReviewV1.DepartmentSystemServiceClient,
  token: string,
  taskId: string,
  file: jointReviewV1.SharedFile,
): Promise<TaskFile> {
  const got = await call<jointReviewV1.GetTaskFileRequest, jointReviewV1.GetTaskFileResponse>(
    client.getTaskFile.bind(client),
    { taskId, fileId: file.id },
    token,
  );
  const content = Buffer.from(got.content);
  const sha256 = createHash('sha256').update(content).digest('hex');
  if (sha256 !== file.sha256 || content.length !== Number(file.size)) {
    throw new Error(
      `file ${file.id} of task ${taskId}: got ${content.length} bytes with SHA-256 ${sha256}, ` +
        `the dossier says ${Number(file.size)} bytes with ${file.sha256}`,
    );
  }
  return { fileId: file.id, fileName: got.fileName, contentType: got.contentType, content, sha256 };
}

/**
 * One round of the department system's work: pull the department's co-review tasks (OPEN, and those this account
 * claimed) with their dossiers, claim each open one in the name of the handler, download the first material file of
 * its dossier and check it, let `decide` give the opinion, and post it. The request id is the task's id and claimed
 * version, so a retried post is taken once.
 */
export async function handleTasks(options: SystemOptions, decide: Decide): Promise<HandledTask[]> {
  const token = await fetchToken(options);
  const client = new pb.DepartmentSystemServiceClient(options.address, credentials.createInsecure());
  try {
    const pulled = await call<jointReviewV1.PullTasksRequest, jointReviewV1.PullTasksResponse>(
      client.pullTasks.bind(client),
      {
        tenant: '',
        department: '',
        states: [],
        kinds: [pb.TaskKind.TASK_KIND_CO_REVIEW],
        includeDossier: true,
        page: { pageSize: 20, pageToken: '' },
      },
      token,
    );
    const handled: HandledTask[] = [];
    for (const item of pulled.tasks) {
      let task = item.task!;
      if (task.state === pb.TaskState.TASK_STATE_OPEN) {
        const claimed = await call<
          jointReviewV1.DepartmentSystemServiceClaimTaskRequest,
          jointReviewV1.DepartmentSystemServiceClaimTaskResponse
        >(
          client.claimTask.bind(client),
          { taskId: task.id, expectedVersion: task.version, handlerName: options.handlerName },
          token,
        );
        task = claimed.task!;
      }
      const first = item.dossier?.materials.flatMap((m) => m.files)[0];
      const file = first ? await fetchTaskFile(client, token, task.id, first) : undefined;
      const draft = await decide({ ...item, task }, file);
      if (draft) {
        const answered = await call<
          jointReviewV1.DepartmentSystemServiceSubmitOpinionRequest,
          jointReviewV1.DepartmentSystemServiceSubmitOpinionResponse
        >(
          client.submitOpinion.bind(client),
          {
            taskId: task.id,
            expectedVersion: task.version,
            kind: draft.kind,
            text: draft.text,
            reasons: draft.reasons ?? [],
            conditions: draft.conditions ?? [],
            attachmentIds: [],
            handlerName: options.handlerName,
            requestId: `${task.id}:${task.version}`,
          },
          token,
        );
        task = answered.task!;
      }
      handled.push({
        taskId: task.id,
        caseNumber: task.caseNumber,
        task,
        answered: !!draft,
        ...(file ? { file: { ...withoutContent(file), size: file.content.length } } : {}),
      });
    }
    return handled;
  } finally {
    client.close();
  }
}
