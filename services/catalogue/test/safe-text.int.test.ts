import { randomBytes } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { callUnary } from '@govhall/grpc';
import { catalogueV1 } from '@govhall/proto';
import {
  grpcFailure,
  MongoClient,
  stack,
  uniqueSuffix,
  userToken,
  startCatalogue,
  type CatalogueUnderTest,
} from '@govhall/testing';

// The shared text rule (@govhall/identifiers checkText) as the catalogue applies it, through its own process,
// gRPC API, real Keycloak tokens and its database: item names and file names that hide characters are refused
// with a Chinese reason and nothing is stored; a decomposed (NFD) name is stored composed (NFC).
let catalogue: CatalogueUnderTest;
let client: catalogueV1.CatalogueServiceClient;
let mongo: MongoClient;
const db = `govhall_catalogue_x${uniqueSuffix()}`;
const PDF = Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');

beforeAll(async () => {
  [catalogue, mongo] = await Promise.all([
    startCatalogue({ name: 'catalogue-text', db, env: { GOVHALL_TENANTS: '620321' } }),
    MongoClient.connect(stack.mongoUri),
  ]);
  client = catalogue.client;
});

afterAll(async () => {
  await catalogue?.stop();
  await mongo?.db(db).dropDatabase();
  await mongo?.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const draft = (name: string): catalogueV1.CreateDraftItemRequest => ({
  idempotencyKey: `x-${randomBytes(8).toString('hex')}`,
  tenant: '620321',
  name,
  basicCode: '000125019000',
  kind: '01',
  handlingCategory: catalogueV1.HandlingCategory.HANDLING_CATEGORY_PROMISED,
  department: '620321-SCJG',
});
const create = (req: catalogueV1.CreateDraftItemRequest, token: string) =>
  callUnary<catalogueV1.CreateDraftItemRequest, catalogueV1.CreateDraftItemResponse>(
    client.createDraftItem.bind(client),
    req,
    bearer(token),
  );
const upload = (fileName: string, token: string) =>
  callUnary<catalogueV1.UploadItemFileRequest, catalogueV1.UploadItemFileResponse>(
    client.uploadItemFile.bind(client),
    { tenant: '620321', fileName, contentType: 'application/pdf', content: PDF },
    bearer(token),
  );
const count = (collection: string) => mongo.db(db).collection(collection).countDocuments();

describe('catalogue refuses names that hide characters and stores names in NFC', () => {
  it.each([
    [
      'a right-to-left override',
      '食品\u202E可许营经',
      'BIDI_CONTROL',
      /^事项名称不能包含文字方向控制字符，第3个字符是 U\+202E/,
    ],
    ['a control character', '食品经营\u0000许可', 'CONTROL_CHARACTER', /^事项名称不能包含控制字符/],
    ['only invisible characters', '\u3000\u200D\u00AD\u200C\u3000', 'BLANK', /^事项名称不能只包含空格或不可见字符/],
  ])('an item name with %s is refused and nothing is stored', async (_what, name, reason, message) => {
    const token = await userToken('yc-admin');
    const before = await count('items');
    const refused = await grpcFailure(create(draft(name), token));
    expect(refused.code).toBe(status.INVALID_ARGUMENT);
    expect(refused.reason).toBe('VALIDATION_FAILED');
    expect(refused.violations).toEqual([{ path: 'name', reason, message: expect.stringMatching(message) }]);
    expect(await count('items')).toBe(before);
  });

  it('an uploaded file name with a bidi override (申请书 U+202E fdp.exe.pdf) is refused and nothing is stored', async () => {
    const token = await userToken('yc-admin');
    const before = await count('item_files');
    const refused = await grpcFailure(upload('申请书\u202Efdp.exe.pdf', token));
    expect(refused.code).toBe(status.INVALID_ARGUMENT);
    expect(refused.violations).toEqual([
      { path: 'fileName', reason: 'BIDI_CONTROL', message: expect.stringMatching(/^文件名不能包含文字方向控制字符/) },
    ]);
    expect(await count('item_files')).toBe(before);
  });

  it('a decomposed (NFD) item name and file name are stored composed (NFC); Extension B counts as one', async () => {
    const token = await userToken('yc-admin');
    // "Café" with a combining accent, U+F907 (compatibility ideograph of U+9F9C), and 𠀀 U+20000.
    const { item } = await create(draft('Cafe\u0301经营许可\uF907𠀀'), token);
    const nfc = 'Caf\u00e9经营许可\u9F9C𠀀';
    expect(item?.name).toBe(nfc);
    const stored = await mongo.db(db).collection<{ _id: string; name: string }>('items').findOne({ _id: item!.id });
    expect(stored?.name).toBe(nfc);

    const { file } = await upload('Cafe\u0301样表.pdf', token);
    expect(file?.fileName).toBe('Caf\u00e9样表.pdf');
    const storedFile = await mongo
      .db(db)
      .collection<{ _id: string; fileName: string }>('item_files')
      .findOne({ _id: file!.id });
    expect(storedFile?.fileName).toBe('Caf\u00e9样表.pdf');
  });
});
