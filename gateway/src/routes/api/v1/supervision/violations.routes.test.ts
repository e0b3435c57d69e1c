import { useRouteFixture } from '../../../../lib/fake-grpc-server.test-double';
import { multipartFile } from '../../../../lib/multipart.test-double';
import {
  ACCOUNTABILITY_ID,
  CHINESE,
  CLERK,
  MISSING_ID,
  PHOTO_ID,
  REQUEST_ID,
  SUPERVISOR,
  TENANT,
  VIOLATION_ID,
  WINDOW_ID,
  startSupervisionFixture,
} from './supervision.fixtures.test-double';

const fx = useRouteFixture(() => startSupervisionFixture());
/** A multipart/form-data body with one file part, as the supervisor. */
const photoUpload = (name: string, fileName: string, contentType: string, content: Buffer) =>
  multipartFile(SUPERVISOR, { name, fileName, contentType, content });

const inspectionBody = {
  tenant: TENANT,
  windowId: WINDOW_ID,
  date: '2026-12-03',
  checklist: [
    { code: 'uniform', label: '着装规范', passed: true },
    { code: 'on_post', label: '在岗', passed: false, note: '10:05 窗口无人' },
  ],
  photoFileIds: [PHOTO_ID],
  person: 'clerk-a',
  requestId: REQUEST_ID,
};

describe('supervision routes: violations, inspections, accountability', () => {
  it('lists violations with the filters passed on, and reads one with its evidence', async () => {
    const list = await fx.app.inject({
      url: `/api/v1/supervision/violations?kind=decision_past_limit&state=open&person=approver-sun&fromDate=2026-12-01&toDate=2026-12-31`,
      headers: SUPERVISOR,
    });
    expect(list.statusCode).toBe(200);
    expect(fx.lastCall().request).toMatchObject({
      kind: 1,
      state: 1,
      person: 'approver-sun',
      fromDate: '2026-12-01',
      toDate: '2026-12-31',
    });
    expect(list.json()).toMatchObject({ total: 1, violations: [{ id: VIOLATION_ID, kind: 'decision_past_limit' }] });
    const one = await fx.app.inject({ url: `/api/v1/supervision/violations/${VIOLATION_ID}`, headers: SUPERVISOR });
    expect(one.json().violation.evidence).toEqual([
      { label: '承诺办结日期', value: '2026-11-30', eventId: 'e-3' },
      { label: '检查照片', value: '窗口无人', fileId: PHOTO_ID },
    ]);
    const missing = await fx.app.inject({ url: `/api/v1/supervision/violations/${MISSING_ID}`, headers: SUPERVISOR });
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'VIOLATION_NOT_FOUND']);
  });

  it('dismisses a violation with the reason and the version read; a stale version is a 409', async () => {
    const ok = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/supervision/violations/${VIOLATION_ID}/dismiss`,
      headers: SUPERVISOR,
      payload: { reason: '系统时间有误，实际按时办结', version: 1 },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().violation).toMatchObject({ state: 'dismissed', dismissedReason: '系统时间有误，实际按时办结' });
    const stale = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/supervision/violations/${VIOLATION_ID}/dismiss`,
      headers: SUPERVISOR,
      payload: { reason: '系统时间有误', version: 5 },
    });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'CONCURRENT_MODIFICATION']);
  });

  it('records an inspection and answers the violations its failed entries became', async () => {
    const res = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/supervision/inspections',
      headers: SUPERVISOR,
      payload: inspectionBody,
    });
    expect(res.statusCode).toBe(201);
    expect(fx.lastCall().request).toMatchObject({
      tenant: TENANT,
      windowId: WINDOW_ID,
      checklist: [
        { code: 'uniform', note: '' },
        { code: 'on_post', passed: false, note: '10:05 窗口无人' },
      ],
      photoFileIds: [PHOTO_ID],
      requestId: REQUEST_ID,
    });
    expect(res.json()).toMatchObject({ inspection: { windowId: WINDOW_ID }, violations: [{ id: VIOLATION_ID }] });
    const future = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/supervision/inspections',
      headers: SUPERVISOR,
      payload: { ...inspectionBody, date: '2026-12-09' },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([expect.objectContaining({ path: 'date', message: '检查日期不能晚于今天' })]);
    const list = await fx.app.inject({
      url: `/api/v1/supervision/inspections?windowId=${WINDOW_ID}`,
      headers: SUPERVISOR,
    });
    expect(list.json()).toMatchObject({ total: 1, inspections: [{ photoFileIds: [PHOTO_ID] }] });
  });

  it('uploads a photo as multipart and downloads it as stored', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const up = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/supervision/inspection-photos?tenant=${TENANT}`,
      ...photoUpload('photo', '窗口.jpg', 'image/jpeg', jpeg),
    });
    expect([up.statusCode, up.json()]).toEqual([201, { fileId: PHOTO_ID }]);
    expect(fx.lastCall().request).toMatchObject({ tenant: TENANT, fileName: '窗口.jpg', contentType: 'image/jpeg' });
    expect(Buffer.from(fx.lastCall().request.content).equals(jpeg)).toBe(true);
    const refused = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/supervision/inspection-photos',
      ...photoUpload('photo', 'a.gif', 'image/gif', Buffer.from('GIF89a')),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ path: 'photo', message: '照片应为 JPEG 或 PNG' }),
    ]);
    const down = await fx.app.inject({ url: `/api/v1/supervision/inspection-photos/${PHOTO_ID}`, headers: SUPERVISOR });
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('image/jpeg');
    expect(down.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(down.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  it('refuses a photo upload that is not one named file part, before any call', async () => {
    const wrongPart = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/supervision/inspection-photos',
      ...photoUpload('file', 'a.jpg', 'image/jpeg', Buffer.from('x')),
    });
    expect(wrongPart.statusCode).toBe(400);
    expect(wrongPart.json().errors[0]).toMatchObject({ path: 'file', message: expect.stringMatching(CHINESE) });
    const empty = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/supervision/inspection-photos',
      ...photoUpload('photo', 'a.jpg', 'image/jpeg', Buffer.alloc(0)),
    });
    expect(empty.json().errors[0]).toMatchObject({ path: 'photo', reason: 'REQUIRED' });
    const json = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/supervision/inspection-photos',
      headers: SUPERVISOR,
      payload: { photo: 'x' },
    });
    expect(json.statusCode).toBe(415);
    expect(fx.fake.calls).toHaveLength(0);
  });

  it('proposes and decides accountability, and lists the records', async () => {
    const proposed = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/supervision/accountabilities',
      headers: SUPERVISOR,
      payload: {
        tenant: TENANT,
        violationIds: [VIOLATION_ID],
        targetKind: 'person',
        targetId: 'approver-sun',
        proposedSanctions: ['criticism_and_education', 'yellow_card_warning'],
        proposal: '建议批评教育并黄牌警告',
        requestId: REQUEST_ID,
      },
    });
    expect(proposed.statusCode).toBe(201);
    expect(fx.lastCall().request).toMatchObject({ targetKind: 1, proposedSanctions: [1, 6] });
    expect(proposed.json().accountability).toMatchObject({
      state: 'proposed',
      proposedSanctions: ['criticism_and_education', 'yellow_card_warning'],
    });
    const decided = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/supervision/accountabilities/${ACCOUNTABILITY_ID}/decide`,
      headers: SUPERVISOR,
      payload: { sanctions: ['admonitory_talk'], decision: '诫勉谈话', version: 1 },
    });
    expect(decided.json().accountability).toMatchObject({ state: 'decided', sanctions: ['admonitory_talk'] });
    expect(fx.lastCall().request).toMatchObject({ sanctions: [2], dismiss: false, version: 1 });
    const again = await fx.app.inject({
      method: 'POST',
      url: `/api/v1/supervision/accountabilities/${MISSING_ID}/decide`,
      headers: SUPERVISOR,
      payload: { dismiss: true, decision: '不予处理', version: 2 },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'WRONG_STATE', detail: '该责任追究已作出决定，不能再次决定' });
    const list = await fx.app.inject({
      url: '/api/v1/supervision/accountabilities?state=proposed&year=2026',
      headers: SUPERVISOR,
    });
    expect(fx.lastCall().request).toMatchObject({ state: 1, year: 2026 });
    expect(list.json().accountabilities[0]).toMatchObject({ id: ACCOUNTABILITY_ID, targetKind: 'person' });
  });

  it('refuses bad input with problem+json in Chinese at the field, before any call', async () => {
    const cases: [string, string, object | undefined, string][] = [
      ['GET', '/api/v1/supervision/violations?kind=late', undefined, 'kind'],
      ['GET', '/api/v1/supervision/violations?fromDate=2026-02-30', undefined, 'fromDate'],
      ['GET', '/api/v1/supervision/violations?person=Wang%20Li', undefined, 'person'],
      ['GET', '/api/v1/supervision/violations/not-a-uuid', undefined, 'id'],
      ['POST', `/api/v1/supervision/violations/${VIOLATION_ID}/dismiss`, { reason: ' ', version: 1 }, 'reason'],
      ['POST', '/api/v1/supervision/inspections', { ...inspectionBody, checklist: [] }, 'checklist'],
      [
        'POST',
        '/api/v1/supervision/inspections',
        { ...inspectionBody, checklist: [{ code: 'Uniform!', label: '着装', passed: true }] },
        'checklist/0/code',
      ],
      ['POST', '/api/v1/supervision/inspections', { ...inspectionBody, requestId: undefined }, 'requestId'],
      [
        'POST',
        '/api/v1/supervision/accountabilities',
        {
          tenant: TENANT,
          violationIds: [VIOLATION_ID],
          targetKind: 'department',
          targetId: 'approver-sun',
          proposedSanctions: ['dismissal'],
          proposal: '建议',
          requestId: REQUEST_ID,
        },
        'targetKind',
      ],
      [
        'POST',
        `/api/v1/supervision/accountabilities/${ACCOUNTABILITY_ID}/decide`,
        { decision: '决定', version: 0 },
        'version',
      ],
    ];
    for (const [method, url, payload, field] of cases) {
      const res = await fx.app.inject({ method: method as 'GET', url, headers: SUPERVISOR, payload });
      expect([url, res.statusCode]).toEqual([url, 400]);
      const body = res.json();
      expect(body.detail).toMatch(CHINESE);
      const paths = body.errors.map((e: { path: string }) => e.path.replace(/\./g, '/'));
      expect(paths).toContainEqual(expect.stringContaining(field));
      expect(body.errors.every((e: { message: string }) => CHINESE.test(e.message))).toBe(true);
    }
    expect(fx.fake.calls).toHaveLength(0);
  });

  it('answers 401 without a token and 403 to staff who do not supervise, before any call', async () => {
    expect((await fx.app.inject({ url: '/api/v1/supervision/violations' })).statusCode).toBe(401);
    const clerk = await fx.app.inject({
      method: 'POST',
      url: '/api/v1/supervision/inspections',
      headers: CLERK,
      payload: inspectionBody,
    });
    expect(clerk.statusCode).toBe(403);
    expect(clerk.json().detail).toMatch(CHINESE);
    const photo = await fx.app.inject({ url: `/api/v1/supervision/inspection-photos/${PHOTO_ID}`, headers: CLERK });
    expect(photo.statusCode).toBe(403);
    expect(fx.fake.calls).toHaveLength(0);
  });
});
