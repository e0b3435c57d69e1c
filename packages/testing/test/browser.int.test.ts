import { readFile } from 'node:fs/promises';
import { a11yFindings, launchBrowser, screenshots, servePages, type BrowserUnderTest, type PageServer } from '../src';

// The browser harness against Debian's Chromium (deploy/stack/provision.sh chromium) and pages of a local server.
const GOOD = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>网上办事大厅</title>
    <link rel="icon" href="data:," />
    <style>
      body { margin: 0; font-family: sans-serif; color: #1f2329; background: #fff; }
      header { background: #b8141b; color: #fff; padding: 12px 24px; }
      main { padding: 24px; }
      button { background: #0b4ea2; color: #fff; border: 0; padding: 8px 16px; }
    </style>
  </head>
  <body>
    <header><p>政务服务中心</p></header>
    <main>
      <h1>网上办事大厅</h1>
      <form>
        <label for="q">事项名称</label>
        <input id="q" name="q" type="search" />
        <button type="submit">搜索</button>
      </form>
    </main>
  </body>
</html>`;

// What the checks are for: an image that does not load, a script error, an image without text, an unlabelled field.
const BROKEN = `<!doctype html>
<html lang="zh-CN">
  <head><meta charset="utf-8" /><title>坏页面</title></head>
  <body>
    <main>
      <h1>坏页面</h1>
      <img src="/missing.png" />
      <input type="text" />
      <script>console.error('boom');</script>
    </main>
  </body>
</html>`;

/** Width and height from a PNG's IHDR chunk. */
async function pngSize(file: string): Promise<{ width: number; height: number }> {
  const bytes = await readFile(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('browser harness (Debian chromium, playwright-core, axe-core)', () => {
  let browser: BrowserUnderTest;
  let server: PageServer;

  beforeAll(async () => {
    server = await servePages({ '/': { body: GOOD }, '/broken': { body: BROKEN } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens a page, reads its heading, finds no problem and no serious accessibility violation, photographs it', async () => {
    const { page, problems, context } = await browser.newPage();
    await page.goto(`${server.origin}/`);
    expect(await page.locator('h1').innerText()).toBe('网上办事大厅');
    expect(await page.title()).toBe('网上办事大厅');
    expect(await a11yFindings(page)).toEqual([]);

    const files = await screenshots(page, 'harness-check');
    expect(files.desktop).toMatch(/screenshots\/harness-check-desktop\.png$/);
    expect((await pngSize(files.desktop)).width).toBe(1366);
    expect((await pngSize(files.phone)).width).toBe(390);
    expect(page.viewportSize()).toEqual({ width: 1366, height: 768 }); // restored after the phone shot

    expect(problems.list()).toEqual([]);
    await context.close();
  });

  it('reports a missing image, a console error and the serious accessibility violations of a broken page', async () => {
    const { page, problems, context } = await browser.newPage({ viewport: 'phone' });
    await page.goto(`${server.origin}/broken`);
    expect(problems.list()).toEqual(
      expect.arrayContaining([
        { kind: 'http', message: 'GET 404', url: `${server.origin}/missing.png` },
        expect.objectContaining({ kind: 'console', message: 'boom' }),
      ]),
    );
    const rules = (await a11yFindings(page)).map((f) => `${f.rule}:${f.impact}`);
    expect(rules).toEqual(expect.arrayContaining(['image-alt:critical', 'label:critical']));
    await context.close();
  });
});
