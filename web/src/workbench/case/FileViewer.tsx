import { lazy, Suspense, useEffect, useState } from 'react';
import { Alert, Button, Modal, Space, Spin } from 'antd';
import { attachmentName } from '../../shared/api';
import { useAuth } from '../../shared/auth';
import { ApiError, messageOf, networkProblem, shownProblem } from '../../shared/problem';

export interface Viewed {
  title: string;
  /** The file as a blob: URL (new window, download). */
  url: string;
  /** An image as a data: URL: the pages' CSP takes images from the gateway and data: only. */
  image?: string;
  name: string;
  type: string;
  /** A PDF's bytes, drawn in the dialog. */
  pdf?: ArrayBuffer;
}

// pdf.js loads only when a PDF is opened.
const PdfPages = lazy(() => import('../../shared/PdfPages'));

/** A blob as a data: URL. */
function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(new Error('read'));
    reader.readAsDataURL(blob);
  });
}

/**
 * A case's file or document, fetched with the member of staff's token (the routes need it, so a plain link cannot
 * open them) and shown in the browser: images and PDFs (drawn page by page by pdf.js: the pages' CSP frames no blob:
 * or data: URL) in the dialog; any file also in a new window or downloaded.
 */
export function useFileViewer() {
  const { manager } = useAuth();
  const [viewed, setViewed] = useState<Viewed>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState<string>();

  useEffect(() => () => (viewed ? URL.revokeObjectURL(viewed.url) : undefined), [viewed]);

  const open = async (path: string, title: string, fallbackName: string) => {
    setError(undefined);
    setLoading(path);
    try {
      const user = await manager.getUser();
      let res: Response;
      try {
        res = await fetch(path, { headers: user ? { authorization: `Bearer ${user.access_token}` } : {} });
      } catch {
        throw new ApiError(networkProblem());
      }
      if (!res.ok) throw new ApiError(shownProblem(res.status, await res.json().catch(() => undefined)));
      const blob = await res.blob();
      const image = blob.type.startsWith('image/') ? await dataUrl(blob) : undefined;
      const pdf = blob.type === 'application/pdf' ? await blob.arrayBuffer() : undefined;
      setViewed({
        ...(image ? { image } : {}),
        ...(pdf ? { pdf } : {}),
        title,
        url: URL.createObjectURL(blob),
        name: attachmentName(res.headers.get('content-disposition'), fallbackName),
        type: blob.type || res.headers.get('content-type') || '',
      });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setLoading(undefined);
    }
  };

  const viewer = (
    <>
      {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} /> : null}
      <Modal
        open={viewed !== undefined}
        title={viewed?.title}
        width={960}
        onCancel={() => setViewed(undefined)}
        footer={
          viewed ? (
            <Space>
              <a href={viewed.url} target="_blank" rel="noreferrer">
                在新窗口打开
              </a>
              <a href={viewed.url} download={viewed.name}>
                下载
              </a>
              <Button onClick={() => setViewed(undefined)}>关闭</Button>
            </Space>
          ) : null
        }
      >
        {viewed ? (
          viewed.image ? (
            <img src={viewed.image} alt={viewed.name} style={{ maxWidth: '100%' }} />
          ) : viewed.pdf ? (
            <Suspense fallback={<Spin size="small" />}>
              <PdfPages data={viewed.pdf} name={viewed.name} />
            </Suspense>
          ) : (
            <p>此类文件无法在浏览器中预览，请下载后查看：{viewed.name}</p>
          )
        ) : null}
      </Modal>
    </>
  );
  return { open, viewer, loading };
}
