import type { DirectoryNames, GuidePdfRenderer, PublishedItems } from '../public.ports';
import { getGuideUseCase } from '../get-guide/get-guide.usecase';

export interface GuidePdf {
  pdf: Buffer;
  fileName: string;
}

/** Rendered guides kept in memory, by item id and document version (a published version never changes). */
const CACHE_SIZE = 64;

/** Characters a file name cannot hold on common systems. */
const UNSAFE = /[\\/:*?"<>|\p{Cc}]/gu;

/**
 * The service guide as a PDF (anonymous). Rendering takes a CPU-bound tenth of a second, so the last
 * CACHE_SIZE guides are kept, and concurrent requests for the same guide share one rendering.
 */
export function getGuidePdfUseCase(deps: { published: PublishedItems; names: DirectoryNames; pdf: GuidePdfRenderer }) {
  const getGuide = getGuideUseCase(deps);
  const cache = new Map<string, Promise<Buffer>>();

  return async (id: string): Promise<GuidePdf> => {
    const guide = await getGuide(id);
    const { item } = guide;
    const key = `${item.id}:${item.version}`;
    let pdf = cache.get(key);
    if (pdf) {
      cache.delete(key); // re-inserted below: the most recently used goes last
    } else {
      const rendering = deps.pdf.render(guide);
      rendering.catch(() => cache.get(key) === rendering && cache.delete(key));
      pdf = rendering;
    }
    cache.set(key, pdf);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    const name = item.name.replace(UNSAFE, '_');
    return { pdf: await pdf, fileName: `${name}（第${item.edition}版）办事指南.pdf` };
  };
}
