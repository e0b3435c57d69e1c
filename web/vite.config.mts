import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { firstPageFiles, kB, precompress, weigh, type BundleFile } from './build/budget';

const root = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(root, 'dist');

/**
 * The portal's first page (html, entry chunk, its static imports and CSS), gzipped, may weigh at most this much
 * (ADR 0027). WEB_BUDGET_KB overrides it for one build (e.g. to see the check fail).
 */
const PORTAL_FIRST_PAGE_BUDGET_KB = 230;

/** Where `pnpm dev` sends API calls: a gateway on its default port unless GATEWAY_URL says otherwise. */
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';

/** Records the portal's first-page weight, fails the build above the budget, then pre-compresses the assets. */
function bundleBudget(budgetKb: number): Plugin {
  return {
    name: 'govhall-bundle-budget',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      const files: BundleFile[] = Object.values(bundle).map((f) =>
        f.type === 'chunk'
          ? {
              type: 'chunk',
              fileName: f.fileName,
              imports: f.imports,
              importedCss: [...(f.viteMetadata?.importedCss ?? [])],
              facadeModuleId: f.facadeModuleId,
              isEntry: f.isEntry,
            }
          : { type: 'asset', fileName: f.fileName },
      );
      const weight = weigh(dir, 'index.html', firstPageFiles(files, 'index.html', root), budgetKb * 1024);
      writeFileSync(path.join(dir, 'bundle-report.json'), `${JSON.stringify(weight, null, 2)}\n`);
      process.stdout.write(
        `\nportal first page: ${weight.files.length} files, ${kB(weight.bytes)} raw, ${kB(weight.gzipBytes)} gzip ` +
          `(budget ${budgetKb} kB gzip; web/dist/bundle-report.json)\n`,
      );
      if (weight.gzipBytes > weight.budgetGzipBytes) {
        throw new Error(
          `portal first page is ${kB(weight.gzipBytes)} gzip, over its budget of ${budgetKb} kB (ADR 0027): ` +
            'load the new code lazily, or raise the budget in web/vite.config.mts and say why in the ADR',
        );
      }
    },
    closeBundle() {
      const count = precompress(path.join(outDir, 'assets'));
      process.stdout.write(`pre-compressed ${count} assets (.br, .gz)\n`);
    },
  };
}

/** The dev server: a deep link into the workbench or the admin console opens that app, as the gateway does. */
function subAppFallback(): Plugin {
  return {
    name: 'govhall-sub-app-fallback',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const match = /^\/(workbench|admin|supervision|screen|device)(\/[^.?]*)?(\?.*)?$/.exec(req.url ?? '');
        if (match && (req.headers.accept ?? '').includes('text/html')) req.url = `/${match[1]}/index.html`;
        next();
      });
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  // JSX through esbuild (React 17+ automatic runtime): no React plugin needed.
  esbuild: { jsx: 'automatic' },
  resolve: {
    // Browser-safe sources of the workspace, bundled as they are: the form messages the server uses (one sentence per
    // problem whether the browser or the server finds it) and the labels (one word per code everywhere).
    alias: {
      '@govhall/content/form-messages': path.join(root, '../packages/content/src/form-messages.ts'),
      '@govhall/labels': path.join(root, '../packages/labels/src/index.ts'),
      // Amounts in fen, formatted exactly (no dependency; the capitals and formulas stay server-side).
      '@govhall/money/fen': path.join(root, '../packages/money/src/fen.ts'),
    },
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // antd marks its modules "use client" (for React Server Components); a browser bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      input: {
        portal: path.join(root, 'index.html'),
        workbench: path.join(root, 'workbench/index.html'),
        admin: path.join(root, 'admin/index.html'),
        supervision: path.join(root, 'supervision/index.html'),
        screen: path.join(root, 'screen/index.html'),
        device: path.join(root, 'device/index.html'),
      },
    },
  },
  server: {
    proxy: {
      '/api': gateway,
      '/web-config.json': gateway,
      '/openapi.json': gateway,
    },
  },
  plugins: [bundleBudget(Number(process.env.WEB_BUDGET_KB) || PORTAL_FIRST_PAGE_BUDGET_KB), subAppFallback()],
});
