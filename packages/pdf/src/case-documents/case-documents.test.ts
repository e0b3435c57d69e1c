import {
  acceptanceNotice,
  applicationContentHash,
  applicationCopy,
  decision,
  documentNumber,
  extensionNotice,
  licence,
  oneTimeNotice,
  refusalNotice,
  suspensionNotice,
} from '.';
import { sha256Hex } from '../content-hash';
import { loadFonts } from '../fonts';
import { embeddedFont } from '../inspect';
import { renderOfficialDocument } from '../official/render';
import type { OfficialDocumentSpec } from '../official/spec';
import { compact, keepSample, qrCodeOnFirstPage, textOf } from '../pdf-inspection.test-double';
import { acceptanceInput, applicationInput, base, licenceInput, REMEDIES, SEAL } from './case-documents.test-double';

const fonts = loadFonts();

async function rendered(
  name: string,
  spec: OfficialDocumentSpec,
): Promise<{ pdf: Buffer; text: string; pages: number }> {
  const pdf = await renderOfficialDocument(fonts, spec);
  keepSample(name, pdf);
  const { text, pages } = await textOf(pdf);
  return { pdf, text: compact(text), pages };
}

function expectAll(text: string, expected: string[]): void {
  for (const e of expected) expect(text).toContain(compact(e));
}

describe('case documents', () => {
  it('numbers documents as 机关+类别〔年〕序号号', () => {
    expect(documentNumber('永昌县政务服务中心', '受理', 2026, 12)).toBe('永昌县政务服务中心受理〔2026〕00012号');
    expect(() => documentNumber('永昌县政务服务中心', '受理', 2026, 0)).toThrow(RangeError);
  });

  it('acceptance notice: number, case, dates, how to follow, the hash of its data and a QR code to the progress query', async () => {
    const input = acceptanceInput();
    const { pdf, text } = await rendered('acceptance-notice', acceptanceNotice(input));
    expectAll(text, [
      '永昌县政务服务中心',
      '受理通知书',
      '永昌县政务服务中心受理〔2026〕00012号',
      '永昌县\u{20000}记面馆有限公司：',
      '62032120260302000012',
      '食品经营许可',
      '决定予以受理',
      '收件日期2026年2月27日',
      '承诺办结时限5个工作日',
      '承诺办结日期2026年3月9日',
      'https://govhall.example.cn/progress?case=62032120260302000012',
      '0935-12345',
      '统一社会信用代码91620321MA71234567',
      '张\u{2A6A5}明（身份证号码6203**********1234）',
      `内容哈希（SHA-256）：${sha256Hex(input)}`,
      '2026年3月2日',
      '行政审批专用章',
      '电子印章ES-620321-0001',
      '第1页/共1页',
    ]);
    // The agent's ID number is printed masked only.
    expect(text).not.toContain('620321199001011234');
    expect(await qrCodeOnFirstPage(pdf)).toBe(input.followUp.url);
  });

  it('writes rare characters of names (CJK Extension B) with the fallback font, not as empty boxes', async () => {
    const { pdf } = await rendered('rare', acceptanceNotice(acceptanceInput()));
    const fallback = embeddedFont(pdf, 'HanaMinB');
    // .notdef, 𠀀 and 𪚥, each with an outline.
    expect(fallback.numGlyphs).toBe(3);
    for (const id of [1, 2]) expect(fallback.getGlyph(id).path.commands.length).toBeGreaterThan(10);
  });

  it('is deterministic: the same input gives the same bytes, another creation time other bytes', async () => {
    const a = await renderOfficialDocument(fonts, acceptanceNotice(acceptanceInput()));
    const b = await renderOfficialDocument(fonts, acceptanceNotice(acceptanceInput()));
    expect(sha256Hex(a.toString('base64'))).toBe(sha256Hex(b.toString('base64')));
    const c = await renderOfficialDocument(
      fonts,
      acceptanceNotice(acceptanceInput({ createdAt: new Date('2026-03-02T02:16:00Z') })),
    );
    expect(c.equals(a)).toBe(false);
  });

  it('one-time notice: every problem on its own line with what to fix, and the one-notice note', async () => {
    const problems = Array.from({ length: 12 }, (_, i) => ({
      subject: `第${i + 1}项材料`,
      problem: `缺少第${i + 1}项所需的签字页`,
      remedy: `提交签字后的第${i + 1}项材料原件`,
    }));
    const spec = oneTimeNotice({
      ...base({ documentNumber: '永昌县政务服务中心补正〔2026〕00003号' }),
      receivedOn: '2026-02-27',
      problems,
      supplementBy: '2026-03-20',
      supplementWhere: '登录网上办事大厅补正，或到永昌县政务服务中心一楼B01窗口提交',
    });
    const { text, pages } = await rendered('one-time-notice', spec);
    expectAll(text, [
      '一次性告知书',
      '永昌县政务服务中心补正〔2026〕00003号',
      '需要补正的全部内容（共12项）',
      '请于2026年3月20日前',
      '本告知书为一次性告知',
      `第${pages}页/共${pages}页`,
    ]);
    problems.forEach((p, i) => expectAll(text, [`${i + 1}.${p.subject}：${p.problem}`, `请补正：${p.remedy}`]));
    expect(() => oneTimeNotice({ ...base(), receivedOn: '2026-02-27', problems: [], supplementWhere: '窗口' })).toThrow(
      RangeError,
    );
  });

  it('refusal notice: reasons, the competent body and both remedies with their time limits and bodies', async () => {
    const spec = refusalNotice({
      ...base({ documentNumber: '永昌县政务服务中心不予受理〔2026〕00001号' }),
      receivedOn: '2026-02-27',
      reasons: ['申请事项依法不需要取得行政许可（仅销售预包装食品的，实行备案管理）'],
      competentBody: '永昌县市场监督管理局（办理备案）',
      remedies: REMEDIES,
    });
    const { text } = await rendered('refusal-notice', spec);
    expectAll(text, [
      '不予受理通知书',
      '仅销售预包装食品的，实行备案管理',
      '决定不予受理',
      '请向永昌县市场监督管理局（办理备案）提出申请',
      '六十日内向永昌县人民政府或者金昌市市场监督管理局申请行政复议',
      '六个月内依法向永昌县人民法院提起行政诉讼',
    ]);
  });

  it('decisions: approval with the licence issued, denial with reasons; both with remedies', async () => {
    const common = {
      ...base({ issuingBody: '永昌县市场监督管理局', seal: SEAL }),
      acceptedOn: '2026-03-02',
      remedies: REMEDIES,
    };
    const approved = await rendered(
      'decision-approve',
      decision({
        ...common,
        documentNumber: '永昌县市场监督管理局准予许可〔2026〕00021号',
        outcome: 'approve',
        reasons: ['经营场所、设备设施经现场核查符合要求'],
        licence: { name: '食品经营许可证', number: 'JY16203210000123', validUntil: '2031-03-05' },
      }),
    );
    expectAll(approved.text, [
      '准予行政许可决定书',
      '决定准予行政许可，颁发食品经营许可证（证号：JY16203210000123，有效期至2031年3月5日）',
      '申请行政复议',
      '永昌县市场监督管理局',
    ]);
    const denied = await rendered(
      'decision-deny',
      decision({
        ...common,
        documentNumber: '永昌县市场监督管理局不予许可〔2026〕00002号',
        outcome: 'deny',
        reasons: ['经营场所与有毒、有害场所的距离不符合要求'],
      }),
    );
    expectAll(denied.text, [
      '不予行政许可决定书',
      '经营场所与有毒、有害场所的距离不符合要求',
      '决定不予行政许可',
      '六个月内依法向永昌县人民法院提起行政诉讼',
    ]);
    expect(() => decision({ ...common, outcome: 'deny', reasons: [] })).toThrow(RangeError);
  });

  it('licence: number, holder, item, validity, issuing department with its seal, verification code and URL in the QR code', async () => {
    const input = licenceInput();
    const { pdf, text } = await rendered('licence', licence(input));
    expectAll(text, [
      '食品经营许可证',
      '编号：JY16203210000123',
      '永昌县\u{20000}记面馆有限公司',
      '食品经营许可',
      '热食类食品制售',
      '2026年3月6日至2031年3月5日',
      '发证机关永昌县市场监督管理局',
      '核验码K7M2-Q9XD',
      '电子印章ES-620321-0007',
      '行政审批专用章',
      `内容哈希（SHA-256）：${sha256Hex(input)}`,
    ]);
    expect(await qrCodeOnFirstPage(pdf)).toBe(input.verificationUrl);
    const longTerm = await rendered('licence-long-term', licence(licenceInput({ validUntil: undefined })));
    expect(longTerm.text).toContain('自2026年3月6日起长期有效');
  });

  it('application copy: case number, every form field by its schema title, materials, the content hash and a QR code', async () => {
    const input = applicationInput();
    const { pdf, text } = await rendered('application-copy', applicationCopy(input));
    const hash = applicationContentHash(input);
    expect(hash).toBe(sha256Hex({ formData: input.formData, materials: input.materials }));
    expectAll(text, [
      '食品经营许可申请表',
      '办件编号：62032120260302000012',
      '11620321MB1234567X4000117006000（第2版）',
      '提交时间2026年2月27日09:30',
      '经营者名称永昌县\u{20000}记面馆有限公司',
      '经营场所/县区永昌县',
      '经营场所/详细地址城关镇北海子路12号',
      '主体业态小型餐馆',
      '经营项目（1）热食类食品制售',
      '经营项目（2）冷食类食品制售',
      '是否连锁否',
      'staff6',
      'remark周末营业',
      '食品经营许可申请书',
      '申请书.pdf',
      '引用电子证照：营业执照91620321MA71234567',
      `内容哈希（SHA-256）：${hash}`,
    ]);
    expect(await qrCodeOnFirstPage(pdf)).toBe(input.verificationUrl);
    // Any change to what was submitted changes the hash.
    const changed = applicationInput({ formData: { ...(input.formData as object), staff: 7 } });
    expect(applicationContentHash(changed)).not.toBe(hash);
  });

  it('suspension and extension notices: the procedure and its length; the one extension with both deadlines', async () => {
    const suspended = await rendered(
      'suspension-notice',
      suspensionNotice({
        ...base({ documentNumber: '永昌县市场监督管理局特别程序〔2026〕00004号' }),
        procedure: '现场核查',
        reason: '需核实经营场所布局与申请材料是否一致',
        plannedLength: '5个工作日',
        startsOn: '2026-03-03',
      }),
    );
    expectAll(suspended.text, [
      '特别程序告知书',
      '需要进行现场核查',
      '所需时间不计算在办理期限内',
      '预计所需时间5个工作日',
      '开始日期2026年3月3日',
    ]);
    const extended = await rendered(
      'extension-notice',
      extensionNotice({
        ...base({ documentNumber: '永昌县市场监督管理局延期〔2026〕00002号' }),
        reason: '申请材料涉及的专业技术问题需进一步审查',
        extension: '10个工作日',
        originalDeadline: '2026-03-09',
        newDeadline: '2026-03-23',
        approvedBy: '本机关负责人',
      }),
    );
    expectAll(extended.text, [
      '延期办理告知书',
      '经本机关负责人批准',
      '办理期限延长10个工作日',
      '原办结期限2026年3月9日',
      '延长后办结期限2026年3月23日',
      '办理期限只能延长一次',
    ]);
  });
});
