import { ConcurrencyError, ForbiddenError, NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import { forEvents } from '../../domain/complaints/complaint';
import { principal } from '../principal.test-double';
import { statutoryCalendars } from '../rectifications/in-memory-rectifications.test-double';
import {
  acceptComplaintUseCase,
  rejectComplaintUseCase,
  replyComplaintUseCase,
} from './act-on-complaint/act-on-complaint.usecase';
import { getComplaintChannelUseCase, setComplaintChannelUseCase } from './complaint-channel/complaint-channel.usecase';
import { fileComplaintUseCase, type FileComplaintCommand } from './file-complaint/file-complaint.usecase';
import { getComplaintUseCase } from './get-complaint/get-complaint.usecase';
import { getAttachmentUseCase } from './get-attachment/get-attachment.usecase';
import {
  FixedTargets,
  InMemoryAttachments,
  InMemoryChannels,
  InMemoryComplaints,
} from './in-memory-complaints.test-double';
import { uploadAttachmentUseCase } from './upload-attachment/upload-attachment.usecase';
import { listComplaintsUseCase, listMyComplaintsUseCase } from './list-complaints/list-complaints.usecase';
import { listPublishedOutcomesUseCase } from './published-outcomes/published-outcomes.usecase';
import { rateReplyUseCase } from './rate-reply/rate-reply.usecase';
import { listRequestStatusesUseCase } from './request-statuses/request-statuses.usecase';
import { summarizeComplaintsUseCase } from './summarize-complaints/summarize-complaints.usecase';
import { sweepComplaintsUseCase } from './sweep-complaints/sweep-complaints.usecase';

// Monday 2026-12-07, 10:00 in China.
let now = new Date('2026-12-07T02:00:00Z');
const clock = { now: () => now };
const legalAffairsOf = (tenant: string) => `${tenant}-SFJ`;

function world() {
  const complaints = new InMemoryComplaints();
  const channels = new InMemoryChannels();
  const attachments = new InMemoryAttachments();
  const targets = new FixedTargets({
    '620321': [
      { kind: 'window', id: 'w-3', name: '3号窗口（食品经营许可）', department: '620321-SCJG' },
      { kind: 'staff', id: 'yc-clerk', name: '王清', department: '620321-SCJG' },
    ],
  });
  let n = 0;
  let f = 0;
  const deps = { complaints, clock, legalAffairsOf, calendars: statutoryCalendars };
  return {
    complaints,
    attachments,
    upload: uploadAttachmentUseCase({
      attachments,
      clock,
      ids: { newId: () => `f-${++f}` },
      hostedTenants: ['620321', '620302'],
    }),
    download: getAttachmentUseCase({ ...deps, attachments }),
    file: fileComplaintUseCase({
      ...deps,
      attachments,
      targets,
      ids: { newId: () => `c-${++n}` },
      acceptWorkingDays: 1,
      hostedTenants: ['620321', '620302'],
    }),
    get: getComplaintUseCase(deps),
    list: listComplaintsUseCase(deps),
    mine: listMyComplaintsUseCase(deps),
    accept: acceptComplaintUseCase({ ...deps, replyWorkingDays: 5 }),
    reject: rejectComplaintUseCase({ ...deps, replyWorkingDays: 5 }),
    reply: replyComplaintUseCase({ ...deps, replyWorkingDays: 5 }),
    rate: rateReplyUseCase(deps),
    published: listPublishedOutcomesUseCase(deps),
    statuses: listRequestStatusesUseCase(deps),
    sweep: sweepComplaintsUseCase(deps),
    summary: summarizeComplaintsUseCase(deps),
    getChannel: getComplaintChannelUseCase({ channels }),
    setChannel: setComplaintChannelUseCase({ channels }),
  };
}

const citizen = principal({ subject: 'sub-zhang', username: 'zhangsan', roles: ['applicant'] });
const supervisor = principal({ username: 'yc-sup', roles: ['supervisor'] });
const legal = principal({ username: 'yc-legal', roles: ['complaint_handler'], department: '620321-SFJ' });
const desk = principal({ username: 'yc-desk', roles: ['complaint_handler'] });
const head = principal({ username: 'yc-head', roles: ['department_head'], department: '620321-SCJG' });
const clerk = principal({ username: 'yc-clerk', roles: ['window_clerk'], department: '620321-SCJG' });

const online = (over: Partial<FileComplaintCommand> = {}): FileComplaintCommand => ({
  tenant: '620321',
  type: 'complaint',
  kind: 'efficiency',
  channel: 'online',
  target: { kind: 'window', id: 'w-3' },
  content: '12月4日在3号窗口办理食品经营许可，被要求反复补交同一份材料。',
  complainant: { name: '张三', phone: '13912345678', email: '' },
  attachmentIds: [],
  requestId: 'req-00000001',
  ...over,
});

const fields = async (p: Promise<unknown>) => {
  const e = await p.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ValidationError);
  return (e as ValidationError).violations.map((v) => [v.path, v.reason]);
};

beforeEach(() => {
  now = new Date('2026-12-07T02:00:00Z');
});

describe('FileComplaint', () => {
  it('files online for the signed-in person, numbered, routed, due the next working day; a retry answers the same', async () => {
    const w = world();
    const c = await w.file(online(), citizen);
    expect(c).toMatchObject({
      number: 'TS6203212026120700001',
      office: 'supervision',
      status: 'received',
      acceptBy: '2026-12-08',
      receivedBy: '',
      target: { name: '3号窗口（食品经营许可）', department: '620321-SCJG' },
      complainant: { subject: 'sub-zhang' },
    });
    expect(await w.file(online(), citizen)).toEqual(c);
    expect(w.complaints.saved.size).toBe(1);
    // The same key from someone else, or with other content, is not answered with the complaint.
    expect(await fields(w.file(online(), principal({ subject: 'sub-other', roles: ['applicant'] })))).toEqual([
      ['requestId', 'DUPLICATE'],
    ]);
    expect(await fields(w.file(online({ content: '另一件事：大厅空调坏了很久没有人修理。' }), citizen))).toEqual([
      ['requestId', 'DUPLICATE'],
    ]);
    const anonymous = await w.file(
      online({ type: 'report', complainant: { name: '', phone: '', email: '' }, requestId: 'req-00000002' }),
      undefined,
    );
    expect(anonymous).toMatchObject({ number: 'TS6203212026120700002', complainant: { subject: '' } });
  });

  it('records staff as 首问责任人 for a call; only staff of the tenant enter one; Open311 only a service account', async () => {
    const w = world();
    const called = await w.file(online({ channel: 'phone', kind: 'law_enforcement', requestId: 'req-phone-1' }), clerk);
    expect(called).toMatchObject({ receivedBy: 'yc-clerk', office: 'legal_affairs', officeDepartment: '620321-SFJ' });
    // The 首问责任人 reads what they entered, the complainant whole; another clerk, or one of the name elsewhere, not.
    expect((await w.get({ id: called.id, number: '' }, clerk)).complainant.phone).toBe('13912345678');
    for (const other of [
      principal({ username: 'yc-clerk2', roles: ['window_clerk'], department: '620321-SCJG' }),
      principal({ username: 'yc-clerk', tenant: '620302', roles: ['window_clerk'] }),
    ]) {
      await expect(w.get({ id: called.id, number: '' }, other)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(w.file(online({ channel: 'letter', requestId: 'req-letter-1' }), citizen)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const elsewhere = principal({ tenant: '620302', roles: ['window_clerk'] });
    await expect(w.file(online({ channel: 'visit', requestId: 'req-visit-1' }), elsewhere)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(w.file(online({ channel: 'open311', requestId: 'req-311-1' }), citizen)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const system = principal({ kind: 'service', username: 'dept-system', roles: ['service'] });
    expect((await w.file(online({ channel: 'open311', requestId: 'req-311-2' }), system)).channel).toBe('open311');
  });

  it('refuses a target not of the tenant, attachments not stored, a bad tenant and request id, changing nothing', async () => {
    const w = world();
    expect(await fields(w.file(online({ target: { kind: 'staff', id: 'jc-clerk' } }), citizen))).toEqual([
      ['target.id', 'NOT_FOUND'],
    ]);
    expect(await fields(w.file(online({ tenant: '620302' }), citizen))).toEqual([['target.id', 'NOT_FOUND']]);
    expect(await fields(w.file(online({ tenant: 'x', requestId: 'short', attachmentIds: ['f-1'] }), citizen))).toEqual([
      ['tenant', 'PATTERN'],
      ['requestId', 'PATTERN'],
    ]);
    expect(await fields(w.file(online({ attachmentIds: ['f-1'] }), citizen))).toEqual([
      ['attachmentIds[0]', 'NOT_FOUND'],
    ]);
    expect(await fields(w.file(online({ content: '慢' }), citizen))).toEqual([['content', 'REQUIRED']]);
    expect(await fields(w.file(online({ tenant: '110101' }), citizen))).toEqual([['tenant', 'NOT_FOUND']]);
    expect(w.complaints.saved.size).toBe(0);
  });
});

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

describe('complaint attachments', () => {
  it('the filer uploads photos and letters, files them; the complainant, office and supervisors download them', async () => {
    const w = world();
    const photo = await w.upload({ tenant: '620321', fileName: '窗口照片.png', content: PNG }, citizen);
    expect(photo).toMatchObject({ id: 'f-1', fileName: '窗口照片.png', contentType: 'image/png', size: PNG.length });
    expect(photo.sha256).toMatch(/^[0-9a-f]{64}$/);
    const letter = await w.upload({ tenant: '620321', fileName: '信件.pdf', content: PDF }, citizen);
    const c = await w.file(online({ attachmentIds: [photo.id, letter.id] }), citizen);
    expect(c.attachments.map((a) => a.fileName)).toEqual(['窗口照片.png', '信件.pdf']);
    expect(w.attachments.stored.get(photo.id)?.usedBy).toBe(c.id);
    // A retry answers the same complaint; the attachments are not "used" against it.
    expect((await w.file(online({ attachmentIds: [photo.id, letter.id] }), citizen)).id).toBe(c.id);
    for (const reader of [citizen, supervisor]) {
      const got = await w.download({ complaintId: c.id, attachmentId: photo.id }, reader);
      expect(got.content.equals(PNG)).toBe(true);
      expect(got.attachment.contentType).toBe('image/png');
    }
    // Not the office (the legal-affairs window), the target's head: not found, and the head reads none listed.
    for (const other of [legal, head, principal({ subject: 'sub-other', roles: ['applicant'] })]) {
      await expect(w.download({ complaintId: c.id, attachmentId: photo.id }, other)).rejects.toMatchObject({
        code: 'COMPLAINT_NOT_FOUND',
      });
    }
    expect((await w.get({ id: c.id, number: '' }, head)).attachments).toEqual([]);
    expect((await w.get({ id: c.id, number: '' }, supervisor)).attachments).toHaveLength(2);
    await expect(w.download({ complaintId: c.id, attachmentId: 'f-9' }, citizen)).rejects.toMatchObject({
      code: 'ATTACHMENT_NOT_FOUND',
    });
    // Events carry no attachments (file names may be personal).
    expect(forEvents(c).attachments).toEqual([]);
  });

  it("staff entering a letter attach their own upload; someone else's, a used one, another tenant's are refused", async () => {
    const w = world();
    const scanned = await w.upload({ tenant: '620321', fileName: '来信.pdf', content: PDF }, clerk);
    const mine = await w.upload({ tenant: '620321', fileName: 'a.png', content: PNG }, citizen);
    const elsewhere = await w.upload({ tenant: '620302', fileName: 'b.png', content: PNG }, citizen);
    // The citizen may not file the clerk's upload; the clerk files it with the letter.
    expect(await fields(w.file(online({ attachmentIds: [mine.id, scanned.id] }), citizen))).toEqual([
      ['attachmentIds[1]', 'NOT_FOUND'],
    ]);
    expect(w.attachments.stored.get(mine.id)?.usedBy).toBe('');
    const letter = await w.file(
      online({ channel: 'letter', requestId: 'req-letter-9', attachmentIds: [scanned.id] }),
      clerk,
    );
    expect(letter.attachments.map((a) => a.id)).toEqual([scanned.id]);
    // The clerk who entered it (首问责任人) reads it with the letter and downloads the scan.
    expect((await w.get({ id: letter.id, number: '' }, clerk)).attachments).toHaveLength(1);
    const got = await w.download({ complaintId: letter.id, attachmentId: scanned.id }, clerk);
    expect(got.content.equals(PDF)).toBe(true);
    // Used already, of another tenant, unknown; anonymous filers own no upload.
    expect(
      await fields(
        w.file(online({ requestId: 'req-again-01', attachmentIds: [scanned.id, elsewhere.id, 'nope'] }), clerk),
      ),
    ).toEqual([
      ['attachmentIds[0]', 'NOT_FOUND'],
      ['attachmentIds[1]', 'NOT_FOUND'],
      ['attachmentIds[2]', 'NOT_FOUND'],
    ]);
    expect(
      await fields(w.file(online({ type: 'report', requestId: 'req-anon-01', attachmentIds: [mine.id] }), undefined)),
    ).toEqual([['attachmentIds[0]', 'NOT_FOUND']]);
    expect(w.complaints.saved.size).toBe(1);
    expect(w.attachments.stored.get(mine.id)?.usedBy).toBe('');
  });

  it('refuses an upload of the wrong type, too large, empty, without a name or anonymous; more than five on a filing', async () => {
    const w = world();
    const up = (fileName: string, content: Buffer, tenant = '620321') =>
      fields(w.upload({ tenant, fileName, content }, citizen));
    expect(await up('a.txt', Buffer.from('just text, not a picture'))).toEqual([['content', 'TYPE']]);
    expect(await up('big.pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]))).toEqual([
      ['content', 'TOO_LARGE'],
    ]);
    expect(await up(' ', Buffer.alloc(0), '110101')).toEqual([
      ['tenant', 'NOT_FOUND'],
      ['fileName', 'REQUIRED'],
      ['content', 'REQUIRED'],
    ]);
    await expect(
      w.upload(
        { tenant: '620321', fileName: 'a.png', content: PNG },
        principal({ kind: 'service', roles: ['service'] }),
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(w.attachments.stored.size).toBe(0);
    const six = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(await fields(w.file(online({ attachmentIds: six }), citizen))).toEqual([['attachmentIds', 'MAX_ITEMS']]);
    expect(w.complaints.saved.size).toBe(0);
  });
});

describe('handling', () => {
  it('the office accepts, answers and classes it; the complainant votes; the public reads it masked', async () => {
    const w = world();
    const c = await w.file(online({ target: { kind: 'staff', id: 'yc-clerk' } }), citizen);
    // Not the office's: the legal-affairs window, the desk and the head may not accept an efficiency complaint.
    await expect(w.accept({ id: c.id, expectedVersion: 1 }, legal)).rejects.toBeInstanceOf(NotFoundError);
    await expect(w.accept({ id: c.id, expectedVersion: 1 }, head)).rejects.toMatchObject({ code: 'NOT_HANDLER' });
    const accepted = await w.accept({ id: c.id, expectedVersion: 1 }, supervisor);
    // Accepted on Monday: five working days on is the next Monday.
    expect(accepted).toMatchObject({ status: 'accepted', replyBy: '2026-12-14', acceptedBy: 'yc-sup' });
    await expect(w.accept({ id: c.id, expectedVersion: 1 }, supervisor)).rejects.toBeInstanceOf(ConcurrencyError);
    const replied = await w.reply(
      { id: c.id, expectedVersion: 2, finding: 'justified', text: '经核实情况属实，已对王清批评教育。' },
      supervisor,
    );
    expect(replied.reply).toMatchObject({ finding: 'justified', repliedBy: 'yc-sup' });
    await expect(w.rate({ id: c.id, satisfaction: 'satisfied' }, supervisor)).rejects.toMatchObject({
      code: 'NOT_COMPLAINANT',
    });
    expect((await w.rate({ id: c.id, satisfaction: 'satisfied' }, citizen)).status).toBe('closed');
    await expect(w.rate({ id: c.id, satisfaction: 'dissatisfied' }, citizen)).rejects.toBeInstanceOf(PreconditionError);
    const { outcomes } = await w.published({ tenant: '620321' });
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ targetName: '工作人员', finding: 'justified' });
    expect(JSON.stringify(outcomes)).not.toMatch(/张三|王清|13912345678/);
    expect(w.complaints.events.map((e) => e.type)).toEqual([
      'ComplaintFiled',
      'ComplaintAccepted',
      'ComplaintReplied',
      'ReplyRated',
    ]);
  });

  it('shows the complainant masked to the head and whole to the office and the complainant', async () => {
    const w = world();
    const c = await w.file(online(), citizen);
    expect((await w.get({ id: c.id, number: '' }, head)).complainant).toMatchObject({
      name: '张*',
      phone: '139****5678',
    });
    expect((await w.get({ id: '', number: c.number }, supervisor)).complainant.phone).toBe('13912345678');
    expect((await w.get({ id: c.id, number: '' }, citizen)).complainant.name).toBe('张三');
    await expect(w.get({ id: c.id, number: '' }, clerk)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      w.get({ id: c.id, number: '' }, principal({ subject: 'sub-other', roles: ['applicant'] })),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists by role: the office its own, the head its department, the complainant theirs; others refused', async () => {
    const w = world();
    await w.file(online(), citizen);
    await w.file(online({ kind: 'reconsideration', requestId: 'req-00000002' }), citizen);
    await w.file(online({ kind: 'service', target: { kind: 'none', id: '' }, requestId: 'req-00000003' }), citizen);
    const period = { tenant: '', from: '2026-12-01', to: '2026-12-31', statuses: [], kind: '' as const };
    const kinds = async (who: typeof citizen) => (await w.list(period, who)).complaints.map((c) => c.kind).sort();
    expect(await kinds(principal())).toEqual(['efficiency', 'reconsideration', 'service']);
    expect(await kinds(supervisor)).toEqual(['efficiency', 'reconsideration', 'service']);
    expect(await kinds(legal)).toEqual(['reconsideration']);
    expect(await kinds(desk)).toEqual(['service']);
    expect(await kinds(head)).toEqual(['efficiency', 'reconsideration']);
    await expect(w.list(period, clerk)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(w.list({ ...period, tenant: '620302' }, legal)).rejects.toMatchObject({ code: 'TENANT_OUT_OF_SCOPE' });
    expect(await fields(w.list({ ...period, from: '2026-12-31', to: '2026-12-01' }, supervisor))).toEqual([
      ['to', 'BEFORE_FROM'],
    ]);
    expect((await w.mine({}, citizen)).total).toBe(3);
  });

  it('a refusal needs its reason and ends it', async () => {
    const w = world();
    const c = await w.file(online({ kind: 'service', target: { kind: 'none', id: '' } }), citizen);
    expect(await fields(w.reject({ id: c.id, expectedVersion: 1, reason: '' }, desk))).toEqual([
      ['reason', 'REQUIRED'],
    ]);
    const rejected = await w.reject(
      { id: c.id, expectedVersion: 1, reason: '不属于本中心受理范围，请拨打12345' },
      desk,
    );
    expect(rejected.status).toBe('rejected');
    expect((await w.published({ tenant: '620321' })).outcomes).toEqual([]);
  });
});

describe('the clocks, when the service’s clock says so', () => {
  it('reports an unaccepted complaint after its day, then an unanswered one after its day, once each', async () => {
    const w = world();
    const c = await w.file(online(), citizen);
    now = new Date('2026-12-08T15:00:00Z'); // 12-08 23:00 in China: still its day
    expect(await w.sweep()).toBe(0);
    now = new Date('2026-12-08T16:30:00Z'); // 12-09 in China
    expect(await w.sweep()).toBe(1);
    expect(await w.sweep()).toBe(0);
    const accepted = await w.accept({ id: c.id, expectedVersion: 2 }, supervisor);
    expect(accepted).toMatchObject({ replyBy: '2026-12-16', acceptanceOverdue: true });
    now = new Date('2026-12-16T16:30:00Z'); // 12-17
    expect(await w.sweep()).toBe(1);
    expect(w.complaints.events.map((e) => e.type).filter((t) => t.endsWith('Overdue'))).toEqual([
      'ComplaintAcceptanceOverdue',
      'ComplaintReplyOverdue',
    ]);
  });
});

describe('SummarizeComplaints (投诉统计)', () => {
  it('counts the period for the overseers, the open ones past their day listed; others and bad periods refused', async () => {
    const w = world();
    const a = await w.file(online(), citizen);
    await w.file(online({ kind: 'service', target: { kind: 'none', id: '' }, requestId: 'req-00000002' }), citizen);
    const accepted = await w.accept({ id: a.id, expectedVersion: 1 }, supervisor);
    await w.reply({ id: a.id, expectedVersion: accepted.version, finding: 'justified', text: '已整改。' }, supervisor);
    await w.rate({ id: a.id, satisfaction: 'basically_satisfied' }, citizen);
    now = new Date('2026-12-08T16:30:00Z'); // 12-09 in China: the service complaint is past its acceptance day
    const period = { tenant: '', from: '2026-12-01', to: '2026-12-31' };
    const s = await w.summary(period, supervisor);
    expect(s).toMatchObject({
      total: 2,
      today: '2026-12-09',
      truncated: false,
      byStatus: { received: 1, closed: 1 },
      byFinding: { justified: 1 },
      bySatisfaction: { basically_satisfied: 1 },
      lateAcceptance: 1,
    });
    expect(s.overdue.map((o) => [o.kind, o.clock, o.dueDay])).toEqual([['service', 'accept', '2026-12-08']]);
    expect((await w.summary(period, principal())).total).toBe(2);
    await expect(w.summary(period, legal)).rejects.toMatchObject({ code: 'ROLE_REQUIRED' });
    await expect(w.summary(period, citizen)).rejects.toMatchObject({ code: 'ROLE_REQUIRED' });
    await expect(w.summary({ ...period, tenant: '999999' }, supervisor)).rejects.toMatchObject({
      code: 'TENANT_OUT_OF_SCOPE',
    });
    expect(await fields(w.summary({ ...period, from: '2026-12-31', to: '2026-12-01' }, supervisor))).toEqual([
      ['to', 'BEFORE_FROM'],
    ]);
    expect(await fields(w.summary({ ...period, tenant: 'abc' }, supervisor))).toEqual([['tenant', 'PATTERN']]);
  });
});

describe('the complaint channel (C14)', () => {
  it('is set by a center administrator and read by anyone; not set yet is said so', async () => {
    const w = world();
    await expect(w.getChannel('620321')).rejects.toMatchObject({ code: 'CHANNEL_NOT_SET' });
    const info = {
      tenant: '620321',
      unit: '永昌县政务服务中心效能监察室',
      phone: '0935-7521234',
      address: '永昌县政务服务中心二楼',
      procedure: '当场登记，1个工作日内受理，5个工作日内答复，答复后可对结果评价。',
    };
    await expect(w.setChannel({ ...info, expectedVersion: 0 }, supervisor)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await fields(w.setChannel({ ...info, phone: '12', expectedVersion: 0 }, principal()))).toEqual([
      ['channel.phone', 'PATTERN'],
    ]);
    expect(await w.setChannel({ ...info, expectedVersion: 0 }, principal())).toMatchObject({ version: 1 });
    expect(await w.getChannel('620321')).toMatchObject({ unit: '永昌县政务服务中心效能监察室', version: 1 });
    await expect(w.setChannel({ ...info, expectedVersion: 0 }, principal())).rejects.toBeInstanceOf(ConcurrencyError);
  });
});

describe('ListRequestStatuses (Open311, ADR 0067)', () => {
  const ask = (over: Partial<Parameters<ReturnType<typeof world>['statuses']>[0]> = {}) => ({
    tenant: '620321',
    numbers: [],
    kind: '' as const,
    from: '',
    to: '',
    state: '' as const,
    ...over,
  });

  it('by number, in the order asked: unknown numbers and other tenants’ left out; no complainant', async () => {
    const w = world();
    const a = await w.file(online({ requestId: 'req-status-1' }), citizen);
    const b = await w.file(
      online({ requestId: 'req-status-2', tenant: '620302', target: { kind: 'none', id: '' } }),
      citizen,
    );
    const answer = await w.statuses(ask({ numbers: [b.number, 'TS6203212026120799999', a.number] }));
    expect(answer.statuses.map((s) => s.number)).toEqual([a.number]);
    expect(answer.statuses[0]).toMatchObject({ status: 'received', content: '', expectedBy: '2026-12-08' });
    expect(JSON.stringify(answer)).not.toMatch(/张三|13912345678/);
  });

  it('lists the last 90 days unless told, open or closed, newest first', async () => {
    const w = world();
    const first = await w.file(online({ requestId: 'req-status-3' }), citizen);
    now = new Date('2026-12-07T03:00:00Z');
    const second = await w.file(online({ requestId: 'req-status-4', kind: 'service' }), citizen);
    await w.reject({ id: first.id, reason: '不属于受理范围', expectedVersion: first.version }, supervisor);
    expect((await w.statuses(ask())).statuses.map((s) => s.number)).toEqual([second.number, first.number]);
    expect((await w.statuses(ask({ state: 'open' }))).statuses.map((s) => s.number)).toEqual([second.number]);
    expect((await w.statuses(ask({ state: 'closed' }))).statuses.map((s) => s.status)).toEqual(['rejected']);
    expect((await w.statuses(ask({ kind: 'service' }))).total).toBe(1);
    expect((await w.statuses(ask({ from: '2026-12-08', to: '2026-12-31' }))).total).toBe(0);
    now = new Date('2026-12-07T02:00:00Z');
  });

  it('refuses a bad tenant, number or period, naming the field', async () => {
    const w = world();
    expect(await fields(w.statuses(ask({ tenant: '62' })))).toEqual([['tenant', 'PATTERN']]);
    expect(await fields(w.statuses(ask({ numbers: ['x'] })))).toEqual([['numbers.0', 'PATTERN']]);
    expect(await fields(w.statuses(ask({ from: '2026-01-01', to: '2026-12-07' })))).toEqual([['to', 'RANGE']]);
    expect(await fields(w.statuses(ask({ from: '2026-12-07', to: '' })))).toEqual([['to', 'INVALID']]);
  });
});
