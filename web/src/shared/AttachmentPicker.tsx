import { useRef, useState } from 'react';
import { Alert, Button, Space, Upload } from 'antd';
import { fileSize } from './format';
import { uploadMessage } from './upload';

/** An uploaded file as the services describe it. */
export interface Uploaded {
  id: string;
  fileName: string;
  size: number;
}

/**
 * Files given with a form, as a form field (`value`: the uploaded files): each file is uploaded by `upload` when chosen
 * (the service checks it and keeps it for the act that names it), and can be taken off the list before the form is
 * sent; at most `max`. Refused files are told with the service's reason.
 */
export function AttachmentPicker<T extends Uploaded>({
  value = [],
  onChange,
  upload,
  max,
  accept,
  label,
}: {
  value?: T[];
  onChange?: (attachments: T[]) => void;
  upload: (file: File) => Promise<T>;
  max: number;
  /** The file input's accept list. */
  accept: string;
  /** The button's text, naming the types and the size allowed. */
  label: string;
}) {
  const [uploading, setUploading] = useState(0);
  const [refused, setRefused] = useState<string[]>([]);
  // Uploads finishing one after another each add to the latest list, not to the one they started from.
  const latest = useRef(value);
  latest.current = value;
  const set = (next: T[]) => {
    latest.current = next;
    onChange?.(next);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Upload
        accept={accept}
        multiple
        showUploadList={false}
        disabled={value.length >= max}
        beforeUpload={async (file) => {
          setUploading((n) => n + 1);
          setRefused([]);
          try {
            const stored = await upload(file);
            set([...latest.current, stored]);
          } catch (e) {
            setRefused((r) => [...r, uploadMessage(e, file.name)]);
          } finally {
            setUploading((n) => n - 1);
          }
          return false;
        }}
      >
        {/* The label names types and size: it wraps on a phone rather than run past the form. */}
        <Button
          loading={uploading > 0}
          style={{ whiteSpace: 'normal', height: 'auto', minHeight: 32, maxWidth: '100%' }}
        >
          {label}
        </Button>
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
