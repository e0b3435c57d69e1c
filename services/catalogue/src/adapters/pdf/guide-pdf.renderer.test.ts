import { PDFParse } from 'pdf-parse';
import type { Guide } from '../../usecases/public.ports';
import { foodBusinessLicence } from '../../usecases/get-published-item/published-item.test-double';
import { embeddedFont } from '@govhall/pdf';
import { PdfkitGuideRenderer } from './guide-pdf.renderer';

async function textOf(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText();
    return { text: result.text, pages: result.total };
  } finally {
    await parser.destroy();
  }
}

/** pdf.js may split a line into runs or add spaces between them: compare without whitespace. */
const compact = (text: string) => text.replace(/\s+/g, '');

function guideOf(item = foodBusinessLicence()): Guide {
  return {
    item,
    departmentName: '永昌县市场监督管理局',
    tenantName: '永昌县',
    center: {
      windowLocation: '永昌县政务服务中心（甘肃省金昌市永昌县城关镇北海子路）',
      hours: '周一至周五 9:00-12:00 14:30-18:00（法定节假日除外）',
      consultationPhone: '0935-12345',
      complaintPhone: '0935-12345',
    },
    coDepartmentNames: item.content.coDepartments.map((code) => (code === '620321-ZRZY' ? '永昌县自然资源局' : code)),
  };
}

describe('PdfkitGuideRenderer', () => {
  const renderer = new PdfkitGuideRenderer();

  it('writes the guide in Chinese: name, codes, department, legal basis, materials, limits, workflow, FAQ', async () => {
    const item = foodBusinessLicence(
      {},
      {
        fees: [
          {
            name: '工本费',
            legalBasis: '《甘肃省行政事业性收费目录清单》',
            amountFen: 1050,
            formula: '',
            reductions: '小微企业免收',
            feeCode: '',
          },
        ],
        specialProcedures: [
          {
            name: '现场核查',
            planned: { days: 5, unit: 'working_day' },
            legalBasis: '《食品经营许可和备案管理办法》第二十条',
          },
        ],
      },
    );
    const pdf = await renderer.render(guideOf(item));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = compact((await textOf(pdf)).text);
    for (const expected of [
      '食品经营许可',
      '办事指南',
      '000117006000',
      '11620321MB1234567X4000117006000',
      '永昌县市场监督管理局',
      '行政许可',
      '承诺件',
      '《中华人民共和国食品安全法》第三十五条',
      '申请人已取得营业执照等合法主体资格',
      '食品经营许可申请书',
      '经营场所平面布局图',
      '复印件1份',
      '法定办结时限：10个工作日',
      '承诺办结时限：5个工作日',
      '现场核查',
      '工本费',
      '10.50元',
      '审查人员',
      '李强',
      '0935-7521002',
      '永昌县政务服务中心一楼B01窗口',
      '仅销售预包装食品需要办理许可吗？',
      '第1页/共2页',
    ]) {
      expect(text).toContain(compact(expected));
    }
  });

  it('says 不收费 without fee lines, names co-departments and marks a superseded edition', async () => {
    const item = foodBusinessLicence(
      { status: 'superseded', edition: 3, handlingCategory: 'joint' },
      { coDepartments: ['620321-ZRZY'] },
    );
    const text = compact((await textOf(await renderer.render(guideOf(item)))).text);
    expect(text).toContain('不收费');
    expect(text).toContain('联办件');
    expect(text).toContain('协办部门永昌县自然资源局');
    expect(text).toContain(compact('第3版'));
    expect(text).toContain('本版本已被新版本替代');
  });

  it('continues a long materials table on further pages, numbered, and stays small', async () => {
    const base = foodBusinessLicence().content.materials[0]!;
    const materials = Array.from({ length: 60 }, (_, i) => ({ ...base, id: `m${i}`, name: `第${i + 1}号证明材料` }));
    const pdf = await renderer.render(guideOf(foodBusinessLicence({}, { materials })));
    const { text, pages } = await textOf(pdf);
    expect(pages).toBeGreaterThan(1);
    expect(compact(text)).toContain('第60号证明材料');
    expect(compact(text)).toContain(`第${pages}页/共${pages}页`);
    // Subset embedding: the 10 MB font contributes only the glyphs used.
    expect(pdf.length).toBeLessThan(200 * 1024);
  });

  describe('characters outside the main font (CJK Extension B and beyond)', () => {
    // 𠀀 U+20000 and 𪚥 U+2A6A5 (Extension B) are not in Noto Sans SC; 𰻞 U+30EDE (Extension G, biáng) is.
    const RARE = '\u{20000}\u{2A6A5}\u{30EDE}';

    it('cuts a text into runs of the font that has each glyph', () => {
      expect(renderer.runs(`申请人${RARE}面馆`)).toEqual([
        { font: 'NotoSansSC', text: '申请人' },
        { font: 'HanaMinB', text: '\u{20000}\u{2A6A5}' },
        { font: 'NotoSansSC', text: '\u{30EDE}面馆' },
      ]);
      // A character neither font has stays with the main font (one run, no switch).
      expect(renderer.runs('食品\u{323AF}')).toEqual([{ font: 'NotoSansSC', text: '食品\u{323AF}' }]);
    });

    it('embeds the fallback glyphs (not .notdef) in titles, paragraphs and table cells, and stays small', async () => {
      const item = foodBusinessLicence(
        { name: `${RARE}面馆食品经营许可` },
        {
          faq: [{ question: `店名含“\u{20000}”怎么办？`, answer: `按营业执照填写“\u{2A6A5}”。` }],
          materials: [{ ...foodBusinessLicence().content.materials[0]!, name: `\u{2A6A5}记营业执照（\u{20000}）` }],
        },
      );
      const pdf = await renderer.render(guideOf(item));
      const text = compact((await textOf(pdf)).text);
      for (const expected of [
        `${RARE}面馆食品经营许可`,
        '店名含“\u{20000}”怎么办？',
        '\u{2A6A5}记营业执照（\u{20000}）',
      ]) {
        expect(text).toContain(expected);
      }
      const fallback = embeddedFont(pdf, 'HanaMinB');
      // .notdef plus the two Extension B glyphs, each with an outline (a .notdef stand-in would have none).
      expect(fallback.numGlyphs).toBe(3);
      for (const id of [1, 2]) expect(fallback.getGlyph(id).path.commands.length).toBeGreaterThan(10);
      expect(pdf.length).toBeLessThan(200 * 1024);
    });

    it('embeds no fallback font when the text does not need it', async () => {
      const pdf = await renderer.render(guideOf());
      expect(pdf.includes('+HanaMinB')).toBe(false);
    });
  });
});
