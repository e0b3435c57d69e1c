import { catalogueV1 } from '@govhall/proto';
import { specialProcedureFixture, validItemFixture } from '../../domain/item.test-double';
import { itemContentFromProto, itemFromProto, statusFromProto, toProtoItem } from './item.mapper';

const AT = new Date('2026-11-26T02:00:00Z');

describe('item mapper', () => {
  it('carries a full item through the wire and back unchanged (submittedBy stays in the service)', () => {
    const item = validItemFixture({
      status: 'published',
      edition: 2,
      previousId: 'a0',
      submittedAt: AT,
      publishedAt: AT,
      reviews: [{ approved: false, comments: '请补充依据', reviewer: 'yc-reviewer', at: AT }],
      content: { specialProcedures: [specialProcedureFixture()], visits: 1 },
    });
    const bytes = catalogueV1.Item.encode(toProtoItem(item)).finish();
    const decoded = catalogueV1.Item.decode(bytes);
    expect(decoded.status).toBe(catalogueV1.ItemStatus.ITEM_STATUS_PUBLISHED);
    expect(decoded.content?.materials[0]?.form).toBe(catalogueV1.MaterialForm.MATERIAL_FORM_ORIGINAL);
    expect(decoded.content?.deliveryOptions).toEqual([
      catalogueV1.DeliveryOption.DELIVERY_OPTION_WINDOW_PICKUP,
      catalogueV1.DeliveryOption.DELIVERY_OPTION_POST,
      catalogueV1.DeliveryOption.DELIVERY_OPTION_ELECTRONIC,
    ]);
    expect(itemFromProto(decoded)).toEqual(item);
  });

  it("turns unknown or unspecified enum values into '' for validation to report", () => {
    const content = itemContentFromProto(
      catalogueV1.ItemContent.fromPartial({
        serviceObject: catalogueV1.ServiceObject.SERVICE_OBJECT_UNSPECIFIED,
        onlineDepth: 42 as catalogueV1.OnlineDepth,
        promisedLimit: { days: 5, unit: catalogueV1.TimeUnit.TIME_UNIT_UNSPECIFIED },
        materials: [{ id: 'm', form: catalogueV1.MaterialForm.MATERIAL_FORM_UNSPECIFIED }],
      }),
    );
    expect(content).toMatchObject({
      serviceObject: '',
      onlineDepth: '',
      promisedLimit: { days: 5, unit: '' },
      materials: [{ id: 'm', form: '' }],
    });
  });

  it('reads absent sub-messages as empty values, and an unspecified status filter as none', () => {
    const content = itemContentFromProto(undefined);
    expect(content).toMatchObject({
      form: { jsonSchema: '', uiSchema: '' },
      statutoryLimit: { days: 0, unit: 'working_day' },
      location: { windowLocation: '', hours: '', consultationPhone: '', complaintPhone: '' },
      materials: [],
    });
    expect(statusFromProto(catalogueV1.ItemStatus.ITEM_STATUS_UNSPECIFIED)).toBeUndefined();
    expect(statusFromProto(catalogueV1.ItemStatus.ITEM_STATUS_RETIRED)).toBe('retired');
  });
});
