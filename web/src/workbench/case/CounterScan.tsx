import { useState } from 'react';
import { Alert, Button, Upload } from 'antd';
import type { Case, Material } from '../../api/types';
import { useAuth } from '../../shared/auth';
import { acceptOf, fileProblem, maxBytes, shownFormats, shownSize } from '../../shared/file-check';
import { uploadBatch, uploadMessage } from '../../shared/upload';

/** The states in which the applicant is still at the counter's pre-review: the clerk scans paper in (ADR 0034). */
export const AT_COUNTER: readonly string[] = ['pre_review', 'pre_review_passed', 'awaiting_paper'];

/**
 * 扫描上传: the clerk serving the window puts the scan of a paper material handed in at the counter on the case, one
 * file at a time, checked for type and size before it is sent (the service checks again from the content).
 */
export function CounterScan({ c, spec, onCase }: { c: Case; spec: Material; onCase: (c: Case) => void }) {
  const { manager } = useAuth();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (spec.formats.length === 0) return null;
  const rule = { name: spec.name, formats: spec.formats, maxSizeKb: spec.maxSizeKb };
  return (
    <div>
      <Upload
        accept={acceptOf(spec.formats)}
        showUploadList={false}
        beforeUpload={(file) => {
          const problem = fileProblem(file, rule);
          setError(problem);
          return problem ? Upload.LIST_IGNORE : true;
        }}
        customRequest={({ file, onSuccess, onError }) => {
          const f = file as File;
          setBusy(true);
          void (async () => {
            try {
              const user = await manager.getUser();
              const answer = await uploadBatch({
                caseId: c.id,
                materialId: spec.id,
                files: [f],
                token: user?.access_token,
              });
              onCase(answer.case);
              onSuccess?.(answer);
            } catch (e) {
              setError(uploadMessage(e, f.name));
              onError?.(e as Error);
            } finally {
              setBusy(false);
            }
          })();
        }}
      >
        <Button size="small" loading={busy} aria-label={`扫描上传：${spec.name}`} autoInsertSpace={false}>
          扫描上传
        </Button>
      </Upload>
      <div style={{ color: 'rgba(0,0,0,0.65)', fontSize: 12, marginTop: 4 }}>
        {shownFormats(spec.formats)}，不超过 {shownSize(maxBytes(spec))}
      </div>
      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 4 }} /> : null}
    </div>
  );
}
