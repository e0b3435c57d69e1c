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

export type Decide = (pulled: jointReviewV1.PulledTask) => OpinionDraft | null | Promise<OpinionDraft | null>;

export interface HandledTask {
  taskId: string;
  caseNumber: string;
  /** The task as GovHall answered the last call on it (DONE once the opinion was taken). */
  task: jointReviewV1.Task;
  answered: boolean;
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
 * One round of the department system's work: pull the department's co-review tasks (OPEN, and those this account
 * claimed) with their dossiers, claim each open one in the name of the handler, let `decide` give the opinion, and
 * post it. The request id is the task's id and claimed version, so a retried post is taken once.
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
      const draft = await decide({ ...item, task });
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
      handled.push({ taskId: task.id, caseNumber: task.caseNumber, task, answered: !!draft });
    }
    return handled;
  } finally {
    client.close();
  }
}
