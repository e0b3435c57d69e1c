import { useEffect, useState } from 'react';
import { Alert, Button, Modal, Space } from 'antd';
import { attachmentName } from '../../shared/api';
import { useAuth } from '../../shared/auth';
import { ApiError, messageOf, networkProblem, shownProblem } from '../../shared/problem';

export interface Viewed {
  title: string;
  url: string;
  name: string;
  type: string;
}

/**
 * A case's file or document, fetched with the member of staff's token (the routes need it, so a plain link cannot
 * open them) and shown in the browser: PDFs in a frame, images as images; with 在新窗口打开 and 下载.
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
      setViewed({
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
          viewed.type.startsWith('image/') ? (
            <img src={viewed.url} alt={viewed.name} style={{ maxWidth: '100%' }} />
          ) : viewed.type === 'application/pdf' ? (
            <iframe
              src={viewed.url}
              title={viewed.title}
              data-type={viewed.type}
              style={{ width: '100%', height: '70vh', border: '1px solid #f0f0f0' }}
            />
          ) : (
            <p>此类文件无法在浏览器中预览，请下载后查看：{viewed.name}</p>
          )
        ) : null}
      </Modal>
    </>
  );
  return { open, viewer, loading };
}
