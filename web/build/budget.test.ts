import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { firstPageFiles, precompress, weigh, type BundleFile } from './budget';

// A multi-page bundle as Rollup describes it: html entries sharing a vendor chunk, lazy routes apart. The workbench
// comes first: its path also ends in /index.html.
const bundle: BundleFile[] = [
  { type: 'asset', fileName: 'index.html' },
  { type: 'asset', fileName: 'workbench/index.html' },
  {
    type: 'chunk',
    fileName: 'assets/workbench-d4.js',
    isEntry: true,
    facadeModuleId: '/repo/web/workbench/index.html',
    imports: ['assets/shared-b2.js', 'assets/table-e5.js'],
  },
  {
    type: 'chunk',
    fileName: 'assets/portal-a1.js',
    isEntry: true,
    facadeModuleId: '/repo/web/index.html',
    imports: ['assets/shared-b2.js'],
    importedCss: ['assets/portal-c3.css'],
  },
  { type: 'chunk', fileName: 'assets/shared-b2.js', imports: ['assets/react-f6.js'], importedCss: [] },
  { type: 'chunk', fileName: 'assets/react-f6.js', imports: ['assets/shared-b2.js'] },
  { type: 'chunk', fileName: 'assets/table-e5.js' },
  { type: 'chunk', fileName: 'assets/ItemGuide-g7.js', imports: ['assets/shared-b2.js'] },
  { type: 'asset', fileName: 'assets/portal-c3.css' },
];

describe('the portal’s first page', () => {
  it('is its html, entry chunk, static imports (transitively, cycles included) and their CSS; not lazy routes', () => {
    expect(firstPageFiles(bundle, 'index.html', '/repo/web').sort()).toEqual(
      ['index.html', 'assets/portal-a1.js', 'assets/portal-c3.css', 'assets/shared-b2.js', 'assets/react-f6.js'].sort(),
    );
    expect(firstPageFiles(bundle, 'workbench/index.html', '/repo/web')).toContain('assets/table-e5.js');
    expect(() => firstPageFiles(bundle, 'admin/index.html', '/repo/web')).toThrow(
      'no entry chunk for admin/index.html',
    );
  });

  it('is weighed gzipped, and assets get .gz and .br twins that unpack to the same bytes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'govhall-budget-'));
    try {
      const big = 'export const x = "网上办事大厅";\n'.repeat(200);
      writeFileSync(path.join(dir, 'a.js'), big);
      writeFileSync(path.join(dir, 'tiny.js'), 'x');
      const weight = weigh(dir, 'index.html', ['a.js', 'tiny.js'], 1024);
      expect(weight.bytes).toBe(Buffer.byteLength(big) + 1);
      expect(weight.gzipBytes).toBeLessThan(weight.bytes / 5);
      expect(weight.files.map((f) => f.fileName)).toEqual(['a.js', 'tiny.js']);
      expect(precompress(dir)).toBe(1); // tiny.js is not worth it
      expect(gunzipSync(readFileSync(path.join(dir, 'a.js.gz'))).toString()).toBe(big);
      expect(brotliDecompressSync(readFileSync(path.join(dir, 'a.js.br'))).toString()).toBe(big);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
