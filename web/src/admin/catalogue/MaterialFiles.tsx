import { useRef, useState } from 'react';
import { Button, Form, Space, Typography } from 'antd';
import { acceptOf, fileProblem, shownFormats } from '../../shared/file-check';
import { api, call, downloadWithToken } from '../../shared/api';
import { ApiError, messageOf } from '../../shared/problem';
import { ITEM_FILE_TYPES, itemFileType } from './model';

/** What the catalogue takes as a blank form or sample (UploadItemFile): its types, at most 4 MiB. */
const RULE = { formats: Object.keys(ITEM_FILE_TYPES), maxSizeKb: 4096 };

const hidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  opacity: 0,
  overflow: 'hidden',
  pointerEvents: 'none',
} as const;

/**
 * A material's blank form (空白表格) or sample (示范文本) as a form control: the file's id is the field's value.
 * Upload or replace (type and size checked in the browser first, the portal's check), download, remove. A refused
 * file is said at the field; the item keeps its file until the draft is saved.
 */
export function ItemFileField({
  id,
  value,
  onChange,
  path,
  label,
  tenant,
  readOnly,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  /** The field's name in the editor's form, where a problem is shown. */
  path: (string | number)[];
  label: string;
  tenant: string;
  readOnly: boolean;
}) {
  const form = Form.useFormInstance();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState<string>();

  const problemAt = (message?: string) => form.setFields([{ name: path, errors: message ? [message] : [] }]);

  async function upload(file: File) {
    const problem = fileProblem(file, { name: label, ...RULE });
    if (problem) {
      problemAt(problem);
      return;
    }
    setBusy(true);
    try {
      const saved = await call(
        api.POST('/api/v1/catalogue/files', {
          params: { query: { tenant, fileName: file.name }, header: { 'content-type': itemFileType(file.name) } },
          body: file as never,
          bodySerializer: (body: unknown) => body as BodyInit,
        }),
      );
      problemAt(undefined);
      setName(saved.fileName);
      onChange?.(saved.id);
    } catch (e) {
      // The catalogue's word on the file (its name, type or content), whichever field it names, stands here.
      problemAt(e instanceof ApiError ? (Object.values(e.problem.fields)[0] ?? e.problem.message) : messageOf(e));
    }
    setBusy(false);
  }

  return (
    <Space wrap size="small">
      <input
        ref={input}
        id={id}
        type="file"
        accept={acceptOf(RULE.formats)}
        disabled={readOnly}
        style={hidden}
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void upload(file);
        }}
      />
      {value ? (
        <Button
          type="link"
          size="small"
          disabled={false}
          onClick={() =>
            void downloadWithToken(`/api/v1/catalogue/files/${encodeURIComponent(value)}`, name ?? label).catch(
              (e: unknown) => problemAt(messageOf(e)),
            )
          }
        >
          下载{name ? `“${name}”` : `已上传的${label}`}
        </Button>
      ) : (
        <Typography.Text type="secondary">未上传</Typography.Text>
      )}
      {readOnly ? null : (
        <>
          <Button size="small" loading={busy} onClick={() => input.current?.click()}>
            {value ? `替换${label}` : `上传${label}`}
          </Button>
          {value ? (
            <Button
              size="small"
              danger
              onClick={() => {
                problemAt(undefined);
                setName(undefined);
                onChange?.('');
              }}
            >
              移除{label}
            </Button>
          ) : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {shownFormats(RULE.formats)}，不超过 4 MB
          </Typography.Text>
        </>
      )}
    </Space>
  );
}
