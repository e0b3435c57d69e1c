import { useRef, useState } from 'react';
import { Alert, Button, Form, Space, Upload } from 'antd';
import type { JointAttachment } from '../../api/types';
import { useAuth } from '../../shared/auth';
import { fileSize } from '../../shared/format';
import { postOneFile, uploadMessage } from '../../shared/upload';
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

/**
 * The files given with an opinion or a conclusion, as a form field (`value`: the uploaded attachments): each file is
 * uploaded when chosen, and can be taken off the list before the act is sent.
 */
export function AttachmentPicker({
  value = [],
  onChange,
}: {
  value?: JointAttachment[];
  onChange?: (attachments: JointAttachment[]) => void;
}) {
  const { user } = useAuth();
  const [uploading, setUploading] = useState(0);
  const [refused, setRefused] = useState<string[]>([]);
  // Uploads finishing one after another each add to the latest list, not to the one they started from.
  const latest = useRef(value);
  latest.current = value;
  const set = (next: JointAttachment[]) => {
    latest.current = next;
    onChange?.(next);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Upload
        accept=".pdf,.ofd,application/pdf,image/jpeg,image/png"
        multiple
        showUploadList={false}
        disabled={value.length >= MAX_ATTACHMENTS}
        beforeUpload={async (file) => {
          setUploading((n) => n + 1);
          setRefused([]);
          try {
            const stored = await uploadAttachment(file, user?.access_token);
            set([...latest.current, stored]);
          } catch (e) {
            setRefused((r) => [...r, uploadMessage(e, file.name)]);
          } finally {
            setUploading((n) => n - 1);
          }
          return false;
        }}
      >
        <Button loading={uploading > 0}>选择附件（PDF、OFD、JPEG 或 PNG，每个不超过 20 MB）</Button>
      </Upload>
      {refused.map((r) => (
        <Alert key={r} type="error" showIcon role="alert" message={r} />
      ))}
      {value.length > 0 ? (
        <ul aria-label="已上传的附件" style={{ margin: 0, paddingLeft: 20 }}>
          {value.map((a) => (
            <li key={a.id}>
              {a.fileName}（{fileSize(a.size)}）{' '}
              <Button type="link" size="small" onClick={() => set(value.filter((x) => x.id !== a.id))}>
                移除 {a.fileName}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </Space>
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
