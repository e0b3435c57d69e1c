import { useEffect, useRef, useState } from 'react';
import { Alert, Spin } from 'antd';
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// pdf.js parses in a worker served from the gateway like every other asset (the pages' CSP: scripts from 'self').
GlobalWorkerOptions.workerSrc = workerUrl;

/** More pages than a material or a document of a case has; beyond it the reader downloads the file. */
export const MAX_PAGES = 30;

/**
 * A PDF drawn page by page into the page itself (pdf.js onto canvases): the pages' CSP frames no blob: or data:
 * URL, and a member of staff checks a material without leaving the case. Each page is an image named after the
 * file and its number, for screen readers.
 */
export default function PdfPages({ data, name }: { data: ArrayBuffer; name: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ pages: number; drawn: number; error?: string }>({ pages: 0, drawn: 0 });

  useEffect(() => {
    const target = box.current;
    if (!target) return;
    let cancelled = false;
    // pdf.js moves the bytes into its worker: hand it a copy, so a second render has them again.
    const task = getDocument({ data: data.slice(0), useWasm: false });
    void (async () => {
      try {
        const pdf = await task.promise;
        const pages = Math.min(pdf.numPages, MAX_PAGES);
        setState({ pages: pdf.numPages, drawn: 0 });
        const width = Math.max(320, target.clientWidth);
        for (let n = 1; n <= pages && !cancelled; n += 1) {
          const page = await pdf.getPage(n);
          const unscaled = page.getViewport({ scale: 1 });
          const ratio = window.devicePixelRatio || 1;
          const viewport = page.getViewport({ scale: (width / unscaled.width) * ratio });
          const canvas = document.createElement('canvas');
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          canvas.style.width = '100%';
          canvas.style.border = '1px solid #d9d9d9';
          canvas.style.marginBottom = '8px';
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', `${name} 第${n}页，共${pdf.numPages}页`);
          await page.render({ canvas, viewport }).promise;
          if (cancelled) return;
          target.appendChild(canvas);
          setState({ pages: pdf.numPages, drawn: n });
        }
      } catch {
        if (!cancelled) setState({ pages: 0, drawn: 0, error: `${name} 无法在页面中显示，请点击“下载”后查看。` });
      }
    })();
    return () => {
      cancelled = true;
      void task.destroy();
      target.replaceChildren();
    };
  }, [data, name]);

  return (
    <div>
      {state.error ? <Alert type="warning" showIcon message={state.error} style={{ marginBottom: 8 }} /> : null}
      {!state.error && state.drawn < Math.min(state.pages, MAX_PAGES) ? (
        <Spin size="small" tip={`正在显示第${state.drawn + 1}页…`}>
          <div style={{ height: 48 }} />
        </Spin>
      ) : null}
      {state.pages > MAX_PAGES ? (
        <Alert
          type="info"
          showIcon
          message={`共${state.pages}页，这里显示前${MAX_PAGES}页；完整文件请下载后查看。`}
          style={{ marginBottom: 8 }}
        />
      ) : null}
      {/* Scrolls on its own: reachable and scrollable by keyboard too. */}
      <div
        ref={box}
        tabIndex={0}
        role="region"
        aria-label={`${name} 预览`}
        style={{ maxHeight: '70vh', overflowY: 'auto' }}
      />
    </div>
  );
}
