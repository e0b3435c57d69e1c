import { Type, type Static } from '@sinclair/typebox';
import { Timestamp, UUID } from '../../../../lib/common.schemas';
import { Applicant } from './escalation.schemas';
import { JointReview, Task } from './joint-review.schemas';

export const SharedFileParams = Type.Object(
  {
    id: Type.String({ pattern: UUID, description: '联审标识' }),
    fileId: Type.String({ pattern: UUID, description: '文件标识：材料文件，或意见、结论、会议纪要的附件' }),
  },
  { additionalProperties: false },
);

const SharedFile = Type.Object({
  id: Type.String({ description: '文件标识（下载：/reviews/{id}/files/{fileId}）' }),
  fileName: Type.String(),
  contentType: Type.String({ description: '按内容识别的类型' }),
  size: Type.Integer({ description: '字节数' }),
  sha256: Type.String({ description: 'SHA-256（小写十六进制）' }),
});

const SharedMaterial = Type.Object({
  materialId: Type.String(),
  name: Type.String({ description: '材料名称' }),
  files: Type.Array(SharedFile),
  licenceNumber: Type.Optional(Type.String({ description: '引用的电子证照编号' })),
  licenceValid: Type.Boolean({ description: '引用的证照经核验有效' }),
  markedFor: Type.Array(Type.String(), { description: '流程标注需审查该材料的部门' }),
});

const FormPart = Type.Object({
  department: Type.String({ description: '部门' }),
  formData: Type.String({ description: '该部门需审查的表单内容（JSON 文本，只含该部门的字段）' }),
});

export const Dossier = Type.Object({
  caseId: Type.String(),
  caseNumber: Type.String(),
  itemName: Type.String(),
  applicant: Type.Optional(Applicant),
  materials: Type.Array(SharedMaterial, { description: '申请材料（协办部门只见标注给本部门的）' }),
  formData: Type.Optional(
    Type.String({ description: '完整表单（JSON 文本）：牵头部门和本中心可见；协办部门没有，见 formParts' }),
  ),
  formParts: Type.Array(FormPart, { description: '可见的表单部分：本部门的；牵头部门和本中心为每个部门的' }),
  results: Type.Array(Task, { description: '各部门的任务和已出具的意见' }),
  casePromisedDueDate: Type.String({ description: '办件承诺办结日' }),
  acceptedAt: Type.Optional(Timestamp),
});
export type Dossier = Static<typeof Dossier>;

export const SharedViewAnswer = Type.Object({ review: JointReview, dossier: Dossier });
