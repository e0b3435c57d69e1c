import { useState } from 'react';
import { Alert, Button, Form, Space } from 'antd';
import type { Complaint, ComplaintAttachment } from '../api/types';
import { AttachmentPicker } from './AttachmentPicker';
import { downloadWithToken } from './api';
import { useAuth } from './auth';
import { fileSize } from './format';
import { messageOf } from './problem';
import { postOneFile } from './upload';

/** At most this many attachments on one complaint (the complaints service's rule). */
export const MAX_COMPLAINT_ATTACHMENTS = 5;

/** Where a complaint's attachment is downloaded (its complainant, its handling office and supervisors). */
export const attachmentPath = (c: Complaint, a: ComplaintAttachment) =>
  `/api/v1/complaints/${c.id}/attachments/${a.id}`;

/**
 * The form field `attachments` of a complaint (photos, letters): each file uploaded for the tenant when chosen, with the
 * signed-in person's token; the filing names their ids.
 */
export function ComplaintAttachmentsField({ tenant }: { tenant: string }) {
  const { user } = useAuth();
  const upload = async (file: File) =>
    (
      await postOneFile<{ attachment: ComplaintAttachment }>(
        '/api/v1/complaints/attachments',
        'file',
        file,
        user?.access_token,
        [201],
        { tenant },
      )
    ).attachment;
  return (
    <Form.Item name="attachments" label={`附件（照片、信件等，可不填，最多${MAX_COMPLAINT_ATTACHMENTS}个）`}>
      <AttachmentPicker<ComplaintAttachment>
        upload={upload}
        max={MAX_COMPLAINT_ATTACHMENTS}
        accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
        label="选择附件（JPEG、PNG 或 PDF，每个不超过 10 MB）"
      />
    </Form.Item>
  );
}

/** A complaint's attachments as the complainant downloads them (with their token). */
export function ComplaintAttachmentDownloads({ c }: { c: Complaint }) {
  const [error, setError] = useState<string>();
  if (c.attachments.length === 0) return null;
  return (
    <Space direction="vertical" size={4}>
      <Space wrap size={4}>
        {c.attachments.map((a) => (
          <Button
            key={a.id}
            size="small"
            onClick={() => {
              setError(undefined);
              downloadWithToken(attachmentPath(c, a), a.fileName).catch((e: unknown) => setError(messageOf(e)));
            }}
          >
            下载 {a.fileName}（{fileSize(a.size)}）
          </Button>
        ))}
      </Space>
      {error ? <Alert type="error" showIcon role="alert" message={error} /> : null}
    </Space>
  );
}
