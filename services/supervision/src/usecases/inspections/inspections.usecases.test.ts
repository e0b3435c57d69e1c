import { ForbiddenError, NotFoundError, ValidationError } from '@govhall/errors';
import { MemoryViolationStore } from '../violations/memory-violation-store.test-double';
import { clock, who } from '../violations/violation-test-fixtures.test-double';
import { expireInspectionPhotosUseCase } from './expire-inspection-photos/expire-inspection-photos.usecase';
import { getInspectionPhotoUseCase } from './get-inspection-photo/get-inspection-photo.usecase';
import { listInspectionsUseCase } from './list-inspections/list-inspections.usecase';
import { defaultChecklists, MemoryInspectionStore, MemoryPhotoStore } from './memory-inspection-stores.test-double';
import { recordInspectionUseCase } from './record-inspection/record-inspection.usecase';
import { uploadInspectionPhotoUseCase } from './upload-inspection-photo/upload-inspection-photo.usecase';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

function world() {
  const deps = {
    inspections: new MemoryInspectionStore(),
    photos: new MemoryPhotoStore(),
    checklists: defaultChecklists,
    violations: new MemoryViolationStore(),
    clock: clock(),
  };
  return {
    ...deps,
    record: recordInspectionUseCase(deps),
    list: listInspectionsUseCase(deps),
    upload: uploadInspectionPhotoUseCase(deps),
    photo: getInspectionPhotoUseCase(deps),
  };
}

const request = (over: object = {}) => ({
  tenant: '',
  windowId: 'w-1',
  date: '2026-03-12',
  checklist: [
    { code: 'uniform', passed: true, note: '' },
    { code: 'eight_prohibitions.smoking', passed: false, note: '窗口内吸烟' },
    { code: 'on_post', passed: false, note: '10:20离岗未请假' },
  ],
  photoFileIds: [] as string[],
  person: 'clerk1',
  requestId: 'insp-req-0001',
  ...over,
});

describe('daily inspection', () => {
  it('records the checklist, turns each failed entry into a violation with its photo, once per request id', async () => {
    const w = world();
    const photo = await w.upload(
      { tenant: '', fileName: '现场.png', contentType: 'image/jpeg', content: PNG },
      who(['supervisor']),
    );
    expect(photo).toMatchObject({ tenant: '620321', contentType: 'image/png', size: PNG.length, uploadedBy: 'sup1' });
    const first = await w.record(request({ photoFileIds: [photo.id] }), who(['supervisor']));
    expect(first.inspection).toMatchObject({ tenant: '620321', inspector: 'sup1', windowId: 'w-1', person: 'clerk1' });
    expect(first.inspection.checklist.find((c) => c.code === 'uniform')).toMatchObject({
      label: '统一着装',
      passed: true,
    });
    expect(first.violations.map((v) => v.kind)).toEqual(['inspection_finding', 'inspection_finding']);
    expect(first.violations[0]).toMatchObject({
      id: `${first.inspection.id}.eight_prohibitions.smoking`,
      person: 'clerk1',
      windowId: 'w-1',
      occurredDate: '2026-03-12',
      recordedBy: 'sup1',
      inspectionId: first.inspection.id,
    });
    expect(first.violations[0]!.evidence).toContainEqual({
      label: '现场照片1',
      value: '',
      eventId: '',
      fileId: photo.id,
    });
    const again = await w.record(request({ photoFileIds: [photo.id] }), who(['supervisor']));
    expect(again.inspection.id).toBe(first.inspection.id);
    expect(w.inspections.stored.size).toBe(1);
    expect(w.violations.announced).toHaveLength(2);
    expect((await w.photo(photo.id, who(['supervisor'], '620300'))).content.equals(PNG)).toBe(true);
    await expect(w.photo(photo.id, who(['supervisor'], '620302'))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a retry after a crash between the inspection and its violations stores the violations, once', async () => {
    const w = world();
    const first = await w.record(request(), who(['supervisor']));
    // The process died after storing the inspection: its violations are not there.
    w.violations.stored.clear();
    w.violations.announced.length = 0;
    const again = await w.record(request(), who(['supervisor']));
    expect(again.violations.map((v) => v.id)).toEqual(first.violations.map((v) => v.id));
    expect(w.violations.announced).toHaveLength(2);
    await w.record(request(), who(['supervisor']));
    expect(w.violations.announced).toHaveLength(2);
  });

  it('refuses bad input naming the fields, and stores nothing', async () => {
    const w = world();
    const bad = request({
      date: '2099-01-01',
      checklist: [
        { code: 'karaoke', passed: true, note: '' },
        { code: 'badge', passed: false, note: ' ' },
      ],
      requestId: 'x',
    });
    await expect(w.record(bad, who(['supervisor']))).rejects.toMatchObject({
      violations: [
        { path: 'date', reason: 'FUTURE' },
        { path: 'requestId', reason: 'PATTERN' },
        { path: 'checklist.0.code', reason: 'UNKNOWN' },
        { path: 'checklist.1.note', reason: 'REQUIRED' },
      ],
    });
    await expect(w.record(request({ photoFileIds: ['nope'] }), who(['supervisor']))).rejects.toMatchObject({
      violations: [{ path: 'photoFileIds.0', reason: 'NOT_FOUND' }],
    });
    await expect(
      w.upload({ tenant: '', fileName: 'a.png', contentType: 'image/png', content: PDF }, who(['supervisor'])),
    ).rejects.toMatchObject({ violations: [{ path: 'content', reason: 'FILE_TYPE' }] });
    await expect(
      w.upload(
        {
          tenant: '',
          fileName: 'a.png',
          contentType: 'image/png',
          content: Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]),
        },
        who(['supervisor']),
      ),
    ).rejects.toMatchObject({ violations: [{ path: 'content', reason: 'TOO_LARGE' }] });
    expect(w.inspections.stored.size + w.violations.stored.size + w.photos.stored.size).toBe(0);
  });

  it('lets only a supervisor of the tenant record; the city reads the county list, a sibling does not', async () => {
    const w = world();
    await expect(w.record(request(), who(['supervisor'], '620302'))).resolves.toBeDefined();
    await expect(w.record(request({ tenant: '620321' }), who(['supervisor'], '620300'))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(w.record(request(), who(['window_clerk']))).rejects.toBeInstanceOf(ForbiddenError);
    await w.record(request(), who(['supervisor']));
    expect((await w.list({ tenant: '620321' }, who(['supervisor'], '620300'))).inspections).toHaveLength(1);
    await expect(w.list({ tenant: '620321' }, who(['supervisor'], '620302'))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(w.list({ tenant: '', fromDate: '12.3.2026' }, who(['supervisor']))).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('photos expire after the retention: an older one is deleted, a recent one kept', async () => {
    const w = world();
    const old = await w.upload(
      { tenant: '620321', fileName: 'old.png', contentType: 'image/png', content: PNG },
      who(['supervisor']),
    );
    const expire = expireInspectionPhotosUseCase({ photos: w.photos, retentionDays: 30 });
    // The photo was uploaded on 2026-03-12: 29 days later it stays, 32 days later it is gone.
    expect(await expire(new Date('2026-04-10T02:00:00Z'))).toBe(0);
    expect(await expire(new Date('2026-04-13T02:00:00Z'))).toBe(1);
    await expect(w.photo(old.id, who(['supervisor']))).rejects.toBeInstanceOf(NotFoundError);
  });
});
