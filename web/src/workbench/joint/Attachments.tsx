import { Button, Form, Space } from 'antd';
import type { JointAttachment } from '../../api/types';
import { useAuth } from '../../shared/auth';
import { fileSize } from '../../shared/format';
import { AttachmentPicker as FilePicker } from '../../shared/AttachmentPicker';
import { postOneFile } from '../../shared/upload';
import { useFileViewer } from '../case/FileViewer';

/** At most this many attachments on one opinion or conclusion (joint_review_service.proto). */
const MAX_ATTACHMENTS = 20;

/**
 * Uploads one file for a later opinion or conclusion (multipart, part `file`) with the person's token; gives the
 * stored attachment, whose id the act names.
 */
async function uploadAttachment(file: File, token: string | undefined): Promise<JointAttachment> {
  const answer = await postOneFile<{ attachment: JointAttachment }>(
    '/api/v1/joint-review/attachments',
    'file',
    file,
    token,
  );
  return answer.attachment;
}

/** The files given with an opinion or a conclusion, as a form field (`value`: the uploaded attachments). */
export function AttachmentPicker({
  value,
  onChange,
}: {
  value?: JointAttachment[];
  onChange?: (attachments: JointAttachment[]) => void;
}) {
  const { user } = useAuth();
  return (
    <FilePicker<JointAttachment>
      value={value}
      onChange={onChange}
      upload={(file) => uploadAttachment(file, user?.access_token)}
      max={MAX_ATTACHMENTS}
      accept=".pdf,.ofd,application/pdf,image/jpeg,image/png"
      label="选择附件（PDF、OFD、JPEG 或 PNG，每个不超过 20 MB）"
    />
  );
}

/** The form field `attachments` of an act (an opinion, a conclusion, the minutes). */
export function AttachmentsField() {
  return (
    <Form.Item name="attachments" label="附件（可不填，最多20个）">
      <AttachmentPicker />
    </Form.Item>
  );
}

/**
 * Files of an act shown on their own (the minutes): opened through the review they belong to, or, with no review to
 * open them through yet, listed by name.
 */
export function AttachmentFiles({
  reviewId,
  attachments,
  title,
}: {
  reviewId: string | undefined;
  attachments: JointAttachment[];
  title: string;
}) {
  const view = useFileViewer();
  if (attachments.length === 0) return null;
  if (!reviewId) {
    return (
      <ul aria-label="附件" style={{ margin: 0, paddingLeft: 20 }}>
        {attachments.map((a) => (
          <li key={a.id}>
            附件 {a.fileName}（{fileSize(a.size)}）
          </li>
        ))}
      </ul>
    );
  }
  return (
    <>
      {view.viewer}
      <AttachmentLinks reviewId={reviewId} attachments={attachments} view={view} title={title} />
    </>
  );
}

/** The attachments of an opinion or a conclusion, each opened with the member of staff's token. */
export function AttachmentLinks({
  reviewId,
  attachments,
  view,
  title,
}: {
  reviewId: string;
  attachments: JointAttachment[];
  view: ReturnType<typeof useFileViewer>;
  /** What the files belong to, for the viewer's title (某部门意见, 联审结论). */
  title: string;
}) {
  if (attachments.length === 0) return null;
  const path = (id: string) => `/api/v1/joint-review/reviews/${reviewId}/files/${id}`;
  return (
    <Space wrap size={4}>
      {attachments.map((a) => (
        <Button
          key={a.id}
          size="small"
          loading={view.loading === path(a.id)}
          onClick={() => void view.open(path(a.id), `${title}：${a.fileName}`, a.fileName)}
        >
          附件 {a.fileName}（{fileSize(a.size)}）
        </Button>
      ))}
    </Space>
  );
}
