import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** What the build knows of one output file (a subset of Rollup's OutputChunk / OutputAsset). */
export interface BundleFile {
  type: 'chunk' | 'asset';
  fileName: string;
  /** Chunks: the files imported statically, loaded before the page runs. */
  imports?: string[];
  /** Chunks: the CSS Vite extracted for them. */
  importedCss?: string[];
  /** Chunks: the module the chunk stands for (an html entry's path for a page). */
  facadeModuleId?: string | null;
  isEntry?: boolean;
}

/**
 * The files a browser loads to show a page (`html`, relative to the Vite `root`): the html, its entry chunk and every chunk that chunk imports
 * statically (transitively), with their CSS. Lazy routes (`import()`) are not part of the first page.
 */
export function firstPageFiles(files: BundleFile[], html: string, root: string): string[] {
  const byName = new Map(files.map((f) => [f.fileName, f]));
  const page = path.posix.join(root.replace(/\\/g, '/'), html);
  const entry = files.find((f) => f.type === 'chunk' && f.isEntry && f.facadeModuleId?.replace(/\\/g, '/') === page);
  if (!entry) throw new Error(`no entry chunk for ${html}`);
  const seen = new Set<string>([html]);
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const file = byName.get(name);
    for (const css of file?.importedCss ?? []) seen.add(css);
    for (const imported of file?.imports ?? []) visit(imported);
  };
  visit(entry.fileName);
  return [...seen];
}

export interface PageWeight {
  page: string;
  files: { fileName: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
  budgetGzipBytes: number;
}

/** Sizes each file of `names` in `outDir`, raw and gzipped (level 9, what a server's pre-compression sends). */
export function weigh(outDir: string, page: string, names: string[], budgetGzipBytes: number): PageWeight {
  const files = names.map((fileName) => {
    const content = readFileSync(path.join(outDir, fileName));
    return { fileName, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  return {
    page,
    files,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0),
    budgetGzipBytes,
  };
}

export const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** Writes `<file>.gz` and `<file>.br` beside every compressible asset, for the gateway to send as they are. */
export function precompress(dir: string): number {
  let count = 0;
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (!/\.(m?js|css|svg|json)$/.test(name) || statSync(file).size < 1024) continue;
    const content = readFileSync(file);
    writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
    );
    count++;
  }
  return count;
}
