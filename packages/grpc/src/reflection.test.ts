import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  credentials,
  loadPackageDefinition,
  type ChannelCredentials,
  type Client,
  type ClientDuplexStream,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoPath as HEALTH_PROTO } from 'grpc-health-check';
import { FileDescriptorProto } from 'protobufjs/ext/descriptor';
import type { TokenVerifier } from '@govhall/auth';
import { createLogger } from '@govhall/logging';
import { catalogueV1 } from '@govhall/proto';
import { PROTO_ROOT } from '@govhall/proto';
import {
  STANDARD_PROTO_DIRS,
  STANDARD_PROTO_FILES,
  buildFileDescriptorProtos,
  type FieldDescriptor,
} from './reflection';
import { GrpcServer } from './server';

/*
 * A real GrpcServer on 127.0.0.1, asked through the grpc.reflection.v1 protocol the way grpcurl asks: the
 * descriptors it hands out must link strictly (every referenced type declared in the file or in a file it lists as
 * a dependency, every dependency served), which is what grpcurl/protoreflect require.
 */

interface MessageDescriptor {
  name: string;
  options?: { mapEntry?: boolean };
  oneofDecl?: { name: string }[];
  field?: FieldDescriptor[];
  nestedType?: MessageDescriptor[];
  enumType?: { name: string }[];
}
interface FileDescriptor {
  name: string;
  package?: string;
  dependency?: string[];
  messageType?: MessageDescriptor[];
  enumType?: { name: string }[];
  service?: { name: string; method?: { name: string; inputType: string; outputType: string }[] }[];
}
interface ReflectionResponse {
  listServicesResponse?: { service: { name: string }[] };
  fileDescriptorResponse?: { fileDescriptorProto: Buffer[] };
  errorResponse?: { errorCode: number; errorMessage: string };
}

const REFLECTION_PROTO = path.resolve(
  path.dirname(require.resolve('@grpc/reflection/package.json')),
  'build/proto/grpc/reflection/v1/reflection.proto',
);

/** A client made from a loaded proto: its methods are looked up by name. */
type Ctor = new (address: string, creds: ChannelCredentials) => Client & Record<string, unknown>;
function clientConstructor(protoFile: string, service: string): Ctor {
  const loaded = loadPackageDefinition(loadSync(protoFile, { keepCase: false, longs: String, enums: String }));
  return service.split('.').reduce<unknown>((o, key) => (o as Record<string, unknown>)[key], loaded) as Ctor;
}

class ReflectionClient {
  private readonly client;
  constructor(address: string) {
    this.client = new (clientConstructor(REFLECTION_PROTO, 'grpc.reflection.v1.ServerReflection'))(
      address,
      credentials.createInsecure(),
    );
  }

  private ask(request: Record<string, unknown>): Promise<ReflectionResponse> {
    return new Promise((resolve, reject) => {
      const stream = (this.client.ServerReflectionInfo as () => ClientDuplexStream<object, ReflectionResponse>)();
      stream.once('data', (res: ReflectionResponse) => {
        resolve(res);
        stream.end();
      });
      stream.once('error', reject);
      stream.write(request);
    });
  }

  async listServices(): Promise<string[]> {
    const res = await this.ask({ listServices: '*' });
    return res.listServicesResponse!.service.map((s) => s.name).sort();
  }

  private async files(request: Record<string, unknown>): Promise<FileDescriptor[]> {
    const res = await this.ask(request);
    if (res.errorResponse) throw new Error(`${res.errorResponse.errorCode}: ${res.errorResponse.errorMessage}`);
    return res.fileDescriptorResponse!.fileDescriptorProto.map(
      (bin) => FileDescriptorProto.toObject(FileDescriptorProto.decode(bin), { arrays: true }) as FileDescriptor,
    );
  }

  fileContainingSymbol(symbol: string) {
    return this.files({ fileContainingSymbol: symbol });
  }

  fileByFilename(name: string) {
    return this.files({ fileByFilename: name });
  }

  close() {
    this.client.close();
  }
}

/** Fully-qualified names (with leading dot) of the messages and enums a file declares. */
function declared(file: FileDescriptor): Set<string> {
  const names = new Set<string>();
  const scope = file.package ? `.${file.package}` : '';
  const walk = (prefix: string, messages: MessageDescriptor[] = [], enums: { name: string }[] = []) => {
    for (const e of enums) names.add(`${prefix}.${e.name}`);
    for (const m of messages) {
      names.add(`${prefix}.${m.name}`);
      walk(`${prefix}.${m.name}`, m.nestedType, m.enumType);
    }
  };
  walk(scope, file.messageType, file.enumType);
  return names;
}

/** Type names a file refers to (fields and method input/output types). */
function referenced(file: FileDescriptor): Set<string> {
  const names = new Set<string>();
  const walk = (messages: MessageDescriptor[] = []) => {
    for (const m of messages) {
      for (const f of m.field ?? []) if (f.typeName) names.add(f.typeName);
      walk(m.nestedType);
    }
  };
  walk(file.messageType);
  for (const s of file.service ?? []) {
    for (const m of s.method ?? []) names.add(m.inputType).add(m.outputType);
  }
  return names;
}

/**
 * Checks what a strict client (protoc's linker, grpcurl) checks: the response holds every file the first one
 * depends on, transitively, and each file's references resolve within itself or its direct dependencies.
 */
function expectLinkable(files: FileDescriptor[]) {
  const byName = new Map(files.map((f) => [f.name, f]));
  for (const file of files) {
    for (const dep of file.dependency ?? [])
      expect({ file: file.name, dependency: dep, served: byName.has(dep) }).toEqual({
        file: file.name,
        dependency: dep,
        served: true,
      });
    const visible = new Set(declared(file));
    for (const dep of file.dependency ?? []) for (const n of declared(byName.get(dep) ?? { name: dep })) visible.add(n);
    const unresolved = [...referenced(file)].filter((n) => !visible.has(n));
    expect({ file: file.name, unresolved }).toEqual({ file: file.name, unresolved: [] });
  }
}

describe('GrpcServer reflection and health', () => {
  let server: GrpcServer;
  let address: string;
  let reflection: ReflectionClient;

  beforeAll(async () => {
    const verifier: TokenVerifier = {
      verify: () => Promise.reject(new Error('no tokens in this test')),
      verifyHeader: () => Promise.reject(new Error('no tokens in this test')),
    };
    server = new GrpcServer({
      logger: createLogger('grpc-reflection-test', 'silent'),
      verifier,
      reflectionFiles: ['govhall/catalogue/v1/catalogue_service.proto'],
    });
    server.addService('govhall.catalogue.v1.CatalogueService', catalogueV1.CatalogueServiceService, {});
    const port = await server.listen('127.0.0.1', 0);
    address = `127.0.0.1:${port}`;
    reflection = new ReflectionClient(address);
  });

  afterAll(async () => {
    reflection.close();
    await server.shutdown(1000);
  });

  it('lists the GovHall service and the standard health service', async () => {
    const services = await reflection.listServices();
    expect(services).toEqual(
      expect.arrayContaining(['govhall.catalogue.v1.CatalogueService', 'grpc.health.v1.Health']),
    );
  });

  it('serves the service file under its import path with all its transitive dependencies', async () => {
    const files = await reflection.fileContainingSymbol('govhall.catalogue.v1.CatalogueService');
    expectLinkable(files);
    expect(files[0]!.name).toBe('govhall/catalogue/v1/catalogue_service.proto');
    expect(files[0]!.dependency).toEqual(
      expect.arrayContaining([
        'govhall/catalogue/v1/calendar.proto',
        'govhall/catalogue/v1/item.proto',
        'govhall/common/v1/paging.proto',
      ]),
    );
    expect(files.map((f) => f.name)).toEqual(
      expect.arrayContaining(['govhall/common/v1/paging.proto', 'google/protobuf/timestamp.proto']),
    );
  });

  it('resolves imported types such as govhall.common.v1.PageRequest', async () => {
    const files = await reflection.fileContainingSymbol('govhall.common.v1.PageRequest');
    expect(files[0]!.name).toBe('govhall/common/v1/paging.proto');
    expect(declared(files[0]!)).toContain('.govhall.common.v1.PageRequest');
    expectLinkable(await reflection.fileByFilename('govhall/common/v1/paging.proto'));
    expectLinkable(await reflection.fileByFilename('google/protobuf/timestamp.proto'));
  });

  it('describes the health service with field names as declared', async () => {
    const files = await reflection.fileContainingSymbol('grpc.health.v1.Health');
    expect(files[0]!.name).toBe('grpc/health/v1/health.proto');
    expectLinkable(files);
    const response = files[0]!.messageType!.find((m) => m.name === 'HealthCheckResponse')!;
    expect(response.field!.map((f) => f.name)).toEqual(['status']);
  });

  it('answers the standard health check with SERVING once listening', async () => {
    const Health = clientConstructor(HEALTH_PROTO, 'grpc.health.v1.Health');
    const health = new Health(address, credentials.createInsecure());
    const check = (service: string) =>
      new Promise<{ status: string }>((resolve, reject) =>
        (health.Check as (req: object, cb: (err: Error | null, res: { status: string }) => void) => void)(
          { service },
          (err, res) => (err ? reject(err) : resolve(res)),
        ),
      );
    try {
      await expect(check('')).resolves.toEqual({ status: 'SERVING' });
      await expect(check('govhall.catalogue.v1.CatalogueService')).resolves.toEqual({ status: 'SERVING' });
    } finally {
      health.close();
    }
  });
});

describe('buildFileDescriptorProtos', () => {
  // The reflectionFiles of every GovHall service (services/*/src/main.ts), several files of one package included.
  const SERVICE_FILES = [
    'govhall/catalogue/v1/catalogue_service.proto',
    'govhall/identity/v1/identity_service.proto',
    'govhall/applications/v1/applications_service.proto',
    'govhall/supervision/v1/supervision_service.proto',
    'govhall/supervision/v1/violation_service.proto',
    'govhall/supervision/v1/order_service.proto',
    'govhall/supervision/v1/import_service.proto',
    'govhall/supervision/v1/staff_message_service.proto',
    'govhall/supervision/v1/evaluation_service.proto',
    'govhall/supervision/v1/scoring_service.proto',
  ];

  it('gives one linkable file per source file, named by import path, for every service proto', () => {
    const files = buildFileDescriptorProtos(
      [...SERVICE_FILES, ...STANDARD_PROTO_FILES],
      [PROTO_ROOT, ...STANDARD_PROTO_DIRS],
    ).map((bin) => FileDescriptorProto.toObject(FileDescriptorProto.decode(bin), { arrays: true }) as FileDescriptor);
    const names = files.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        ...SERVICE_FILES,
        'govhall/supervision/v1/orders.proto',
        'govhall/common/v1/paging.proto',
        'google/protobuf/timestamp.proto',
        'grpc/health/v1/health.proto',
        'grpc/reflection/v1/reflection.proto',
      ]),
    );
    expectLinkable(files);
  });

  it('writes proto3 optional fields, map entries and references the way protoc does', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'grpc-reflection-'));
    try {
      mkdirSync(path.join(dir, 'a/v1'), { recursive: true });
      mkdirSync(path.join(dir, 'b/v1'), { recursive: true });
      writeFileSync(
        path.join(dir, 'b/v1/thing.proto'),
        'syntax = "proto3";\npackage b.v1;\nmessage Thing { string id = 1; }\n',
      );
      writeFileSync(
        path.join(dir, 'a/v1/probe.proto'),
        [
          'syntax = "proto3";',
          'package a.v1;',
          'import "b/v1/thing.proto";',
          'message Probe {',
          '  optional double rate = 1;',
          '  oneof choice { string text = 2; b.v1.Thing thing = 3; }',
          '  map<string, b.v1.Thing> things_by_id = 4;',
          '  Inner inner = 5;',
          '  message Inner { optional int32 n = 1; }',
          '}',
          '',
        ].join('\n'),
      );
      const files = buildFileDescriptorProtos(['a/v1/probe.proto'], [dir]).map(
        (bin) => FileDescriptorProto.toObject(FileDescriptorProto.decode(bin), { arrays: true }) as FileDescriptor,
      );
      expectLinkable(files);
      const probeFile = files.find((f) => f.name === 'a/v1/probe.proto')!;
      expect(probeFile.dependency).toEqual(['b/v1/thing.proto']);
      const probe = probeFile.messageType![0]!;
      const field = (name: string) => probe.field!.find((f) => f.name === name)!;
      // The real oneof first, the synthetic one of `optional rate` after it, indexes following.
      expect(probe.oneofDecl!.map((o) => o.name)).toEqual(['choice', '_rate']);
      expect(field('rate')).toMatchObject({ oneofIndex: 1, proto3Optional: true });
      expect(field('text')).toMatchObject({ oneofIndex: 0 });
      expect(field('text').proto3Optional).toBeFalsy();
      expect(field('thing')).toMatchObject({ oneofIndex: 0, typeName: '.b.v1.Thing' });
      expect(field('inner').typeName).toBe('.a.v1.Probe.Inner');
      expect('oneofIndex' in field('inner')).toBe(false);
      expect(field('things_by_id').typeName).toBe('.a.v1.Probe.ThingsByIdEntry');
      const entry = probe.nestedType!.find((n) => n.name === 'ThingsByIdEntry')!;
      expect(entry.options?.mapEntry).toBe(true);
      expect(entry.field!.find((f) => f.name === 'value')!.typeName).toBe('.b.v1.Thing');
      const inner = probe.nestedType!.find((n) => n.name === 'Inner')!;
      expect(inner.field![0]).toMatchObject({ name: 'n', oneofIndex: 0, proto3Optional: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
