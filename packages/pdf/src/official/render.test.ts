import { loadFonts } from '../fonts';
import { compact, keepSample, textOf } from '../pdf-inspection.test-double';
import { renderOfficialDocument } from './render';
import type { OfficialDocumentSpec } from './spec';

const fonts = loadFonts();

function spec(overrides: Partial<OfficialDocumentSpec> = {}): OfficialDocumentSpec {
  return {
    issuingBody: '永昌县政务服务中心',
    title: '通知',
    documentNumber: '永昌县政务服务中心〔2026〕00001号',
    addressee: '各窗口',
    blocks: [
      { kind: 'heading', text: '一、事项' },
      { kind: 'paragraph', text: '现将有关事项通知如下。' },
      { kind: 'list', items: [{ text: '第一项', detail: '细则一' }, { text: '第二项' }] },
      {
        kind: 'table',
        header: ['项目', '内容'],
        rows: [
          ['地点', '一楼大厅'],
          ['备注', ''],
        ],
      },
      { kind: 'note', text: '附注：本通知自印发之日起施行。' },
    ],
    seal: { department: '永昌县政务服务中心', sealId: 'ES-1' },
    date: '2026-03-02',
    closingNotes: ['联系电话：0935-12345'],
    contentHash: 'ab'.repeat(32),
    footerNote: '测试页脚',
    createdAt: new Date('2026-03-02T00:00:00Z'),
    ...overrides,
  };
}

describe('renderOfficialDocument', () => {
  it('writes head, number, title, addressee, every kind of block, signature, seal text, date and footer', async () => {
    const pdf = await renderOfficialDocument(fonts, spec());
    keepSample('official-notice', pdf);
    const text = compact((await textOf(pdf)).text);
    for (const expected of [
      '永昌县政务服务中心〔2026〕00001号',
      '各窗口：',
      '一、事项',
      '现将有关事项通知如下。',
      '1.第一项',
      '细则一',
      '2.第二项',
      '项目内容地点一楼大厅备注—',
      '附注：本通知自印发之日起施行。',
      '2026年3月2日',
      '行政审批专用章',
      '电子印章ES-1',
      '联系电话：0935-12345',
      '测试页脚',
      `内容哈希（SHA-256）：${'ab'.repeat(32)}`,
      '第1页/共1页',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('continues a long body on further pages, each with the footer, and keeps the seal with the date', async () => {
    const items = Array.from({ length: 80 }, (_, i) => ({ text: `第${i + 1}个问题` }));
    const pdf = await renderOfficialDocument(fonts, spec({ blocks: [{ kind: 'list', items }] }));
    const { text, pages } = await textOf(pdf);
    expect(pages).toBeGreaterThan(2);
    const lastPage = compact(text).split(`第${pages - 1}页/共${pages}页`)[1] ?? '';
    expect(lastPage).toContain('2026年3月2日');
    expect(lastPage).toContain('行政审批专用章');
    expect(compact(text).split('测试页脚').length - 1).toBe(pages);
  });

  it('has no signature block without a date or a seal', async () => {
    const pdf = await renderOfficialDocument(fonts, spec({ date: undefined, seal: undefined }));
    const text = compact((await textOf(pdf)).text);
    expect(text).not.toContain('行政审批专用章');
    expect(text).not.toContain('2026年3月2日');
  });
});
