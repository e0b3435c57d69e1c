import { mongoose } from '@govhall/mongo';

const Mixed = mongoose.Schema.Types.Mixed;

/**
 * Collection `projects`: one document per project (J20) with its investor, 代办员 and mirrored cases embedded. The
 * top-level query copies (project.repository.ts projectQueryFields) are what lookups filter on: FerretDB pushes down
 * only top-level equalities (docs/store-rules.md).
 */
export const projectSchema = new mongoose.Schema(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    name: { type: String, required: true },
    projectCode: { type: String, default: '' },
    kind: { type: String, required: true },
    authorisation: { type: String, required: true },
    classified: { type: Boolean, default: false },
    publicProgress: { type: Boolean, default: false },
    description: { type: String, default: '' },
    location: { type: String, default: '' },
    totalInvestmentFen: { type: Number, default: 0 },
    investor: Mixed,
    agent: Mixed,
    cases: Mixed,
    state: { type: String, required: true },
    closedReason: { type: String, default: '' },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
    requestId: { type: String, required: true },
    // Query copies (projectQueryFields), rewritten with every insert and save.
    /** `<tenant>|<request id>`: CreateProject's idempotency. */
    requestKey: { type: String, required: true },
    /** `<tenant>|<project code>`, or `<tenant>|#<id>` without a code: a code is used once per tenant. */
    codeKey: { type: String, required: true },
    /** The attached cases' ids. */
    caseIds: { type: [String], default: [] },
    /** investor.personId: 我的项目 of an investor. */
    investorId: { type: String, required: true },
  },
  { collection: 'projects', versionKey: false, minimize: false, strict: false },
);

// CreateProject: a repeated request id finds the first project; a taken code fails the insert.
projectSchema.index({ requestKey: 1 }, { unique: true });
projectSchema.index({ codeKey: 1 }, { unique: true });
// The project holding a case (AttachCase, the case stream's mirror).
projectSchema.index({ caseIds: 1 });
// ListProjects: a tenant's projects, newest first.
projectSchema.index({ tenant: 1, createdAt: -1, _id: 1 });
// 我的项目: an investor's projects, newest first.
projectSchema.index({ investorId: 1, createdAt: -1, _id: 1 });
// The public query: by 项目代码 in any tenant.
projectSchema.index({ projectCode: 1 });

export type ProjectDocument = mongoose.InferSchemaType<typeof projectSchema>;
