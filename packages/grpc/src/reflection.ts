import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { loadSync, type PackageDefinition } from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import * as protobuf from 'protobufjs';
import { FileDescriptorProto } from 'protobufjs/ext/descriptor';

/*
 * Why this exists: @grpc/reflection serves whatever FileDescriptorProtos it finds in a proto-loader package
 * definition, and proto-loader builds those with protobufjs's Root#toDescriptor, which
 *   - merges every file of a package into one synthetic file named after the package (govhall_common_v1.proto),
 *   - leaves every file's `dependency` list empty (grpc/grpc-node#2595, #3018, #3034).
 * Clients that link descriptors strictly (grpcurl, grpcui, Postman, ...) then reject the service file: it refers to
 * .govhall.common.v1.PageRequest but imports nothing. Here the descriptors are rebuilt one per source file, under
 * the import path (govhall/common/v1/paging.proto), with the files each one refers to as its dependencies.
 */

/** Directory of the grpc.health.v1 proto shipped by grpc-health-check (holds health/v1/health.proto). */
const HEALTH_PROTO_DIR = path.resolve(path.dirname(healthProtoPath), '../..');
/** Directory of the grpc.reflection protos shipped by @grpc/reflection (holds grpc/reflection/v1/reflection.proto). */
const REFLECTION_PROTO_DIR = path.resolve(
  path.dirname(require.resolve('@grpc/reflection/package.json')),
  'build/proto',
);

/** Protos of the standard services every GrpcServer runs, with the include directory each is found in. */
export const STANDARD_PROTO_FILES = [
  'health/v1/health.proto',
  'grpc/reflection/v1/reflection.proto',
  'grpc/reflection/v1alpha/reflection.proto',
];
export const STANDARD_PROTO_DIRS = [HEALTH_PROTO_DIR, REFLECTION_PROTO_DIR];

/** grpc-health-check keeps its proto at health/v1/health.proto; everyone else imports it as grpc/health/v1/health.proto. */
const RENAMED: Record<string, string> = { 'health/v1/health.proto': 'grpc/health/v1/health.proto' };

type TopLevel = protobuf.Type | protobuf.Enum | protobuf.Service;

/**
 * Loads `files` (paths relative to one of `includeDirs`) with their imports and returns one FileDescriptorProto per
 * source file, named by its import path and listing the files it depends on, encoded.
 */
export function buildFileDescriptorProtos(files: string[], includeDirs: string[]): Buffer[] {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => {
    if (path.isAbsolute(target)) return target;
    for (const dir of includeDirs) {
      const candidate = path.join(dir, target);
      if (existsSync(candidate)) return candidate;
    }
    return target; // not found: loadSync reports it
  };
  // keepCase: reflection must describe fields by their declared names, not protobufjs's camelCase.
  root.loadSync(files, { keepCase: true });
  root.resolveAll();

  const nameOf = fileNamer(root, includeDirs);
  const byFile = new Map<string, { pkg: string; decls: TopLevel[] }>();
  const collect = (ns: protobuf.NamespaceBase) => {
    for (const nested of ns.nestedArray) {
      if (nested instanceof protobuf.Type || nested instanceof protobuf.Enum || nested instanceof protobuf.Service) {
        const name = nameOf(nested);
        const entry = byFile.get(name) ?? { pkg: ns.fullName.replace(/^\./, ''), decls: [] };
        entry.decls.push(nested);
        byFile.set(name, entry);
      } else if (nested instanceof protobuf.Namespace) {
        collect(nested);
      }
    }
  };
  collect(root);

  const out: Buffer[] = [];
  for (const [name, { pkg, decls }] of byFile) {
    const dependency = new Set<string>();
    const refer = (target: protobuf.ReflectionObject | null) => {
      if (!target) return;
      let top = target;
      while (top.parent instanceof protobuf.Type) top = top.parent;
      const file = nameOf(top as TopLevel);
      if (file !== name) dependency.add(file);
    };
    const visitType = (type: protobuf.Type) => {
      for (const field of type.fieldsArray) refer(field.resolvedType);
      for (const nested of type.nestedArray) if (nested instanceof protobuf.Type) visitType(nested);
    };
    // protobufjs keeps each declaration's syntax in the (internal) _edition; GovHall's protos are all proto3.
    const syntax = (decls[0] as { _edition?: string | null })._edition ?? 'proto3';
    if (syntax !== 'proto3' && syntax !== 'proto2') throw new Error(`reflection: ${name} uses ${syntax}, unsupported`);
    const descriptor = {
      name,
      package: pkg,
      dependency: [] as string[],
      messageType: [] as unknown[],
      enumType: [] as unknown[],
      service: [] as unknown[],
      syntax,
    };
    for (const decl of decls) {
      // toDescriptor is added to the protobufjs classes by protobufjs/ext/descriptor.
      const withDescriptor = decl as TopLevel & { toDescriptor(syntax?: string): unknown };
      if (decl instanceof protobuf.Type) {
        visitType(decl);
        const message = withDescriptor.toDescriptor(syntax) as MessageDescriptor;
        qualify(decl, message);
        descriptor.messageType.push(message);
      } else if (decl instanceof protobuf.Enum) {
        descriptor.enumType.push(withDescriptor.toDescriptor());
      } else {
        for (const method of decl.methodsArray) {
          refer(method.resolvedRequestType);
          refer(method.resolvedResponseType);
        }
        descriptor.service.push(withDescriptor.toDescriptor());
      }
    }
    descriptor.dependency = [...dependency].sort();
    out.push(Buffer.from(FileDescriptorProto.encode(FileDescriptorProto.fromObject(descriptor)).finish()));
  }
  return out;
}

/** The parts of a FieldDescriptorProto (as protobufjs's toObject gives it) that the descriptors are checked for. */
export interface FieldDescriptor {
  name: string;
  typeName?: string;
  oneofIndex?: number;
  proto3Optional?: boolean;
}
interface MessageDescriptor {
  name: string;
  field: FieldDescriptor[];
  nestedType: MessageDescriptor[];
  oneofDecl: unknown[];
}

/**
 * Corrects what protobufjs's Type#toDescriptor gets wrong or writes differently from protoc:
 * - field type names relative to the enclosing scope (`common.v1.PageRequest`) become fully qualified
 *   (`.govhall.common.v1.PageRequest`), which every client resolves without scope rules;
 * - map entry types named after the bare field (`Labels`) become `LabelsEntry`;
 * - proto3 `optional` fields lose their proto3_optional flag (set under a name the encoder ignores), so clients saw
 *   a hand-written oneof; it is set again, and the synthetic oneofs are moved after the real ones as protoc (and
 *   strict validators) require.
 */
function qualify(type: protobuf.Type, descriptor: MessageDescriptor): void {
  for (const fieldDescriptor of descriptor.field) {
    const field = type.fields[fieldDescriptor.name];
    if (!field) continue;
    if (field instanceof protobuf.MapField) {
      const entry = descriptor.nestedType.find((n) => n.name === fieldDescriptor.typeName);
      if (!entry) continue;
      entry.name = `${field.name.replace(/(?:^|_)([a-z0-9])/g, (_m, c: string) => c.toUpperCase())}Entry`;
      fieldDescriptor.typeName = `${type.fullName}.${entry.name}`;
      const value = entry.field.find((f) => f.name === 'value');
      if (value && field.resolvedType) value.typeName = field.resolvedType.fullName;
    } else if (field.resolvedType) {
      fieldDescriptor.typeName = field.resolvedType.fullName;
    }
    if (field.options?.proto3_optional) fieldDescriptor.proto3Optional = true;
  }
  // Descriptor messages carry defaults on their prototype (oneofIndex 0): only an own property means "in a oneof".
  const inOneof = (f: FieldDescriptor): f is FieldDescriptor & { oneofIndex: number } => Object.hasOwn(f, 'oneofIndex');
  const synthetic = new Set(descriptor.field.filter((f) => f.proto3Optional && inOneof(f)).map((f) => f.oneofIndex));
  if (synthetic.size > 0) {
    const order = [...descriptor.oneofDecl.keys()].sort((a, b) => Number(synthetic.has(a)) - Number(synthetic.has(b)));
    descriptor.oneofDecl = order.map((i) => descriptor.oneofDecl[i]);
    for (const f of descriptor.field) if (inOneof(f)) f.oneofIndex = order.indexOf(f.oneofIndex);
  }
  for (const nestedDescriptor of descriptor.nestedType) {
    const nested = type.nested?.[nestedDescriptor.name];
    if (nested instanceof protobuf.Type) qualify(nested, nestedDescriptor);
  }
}

/** Names a top-level declaration's file by its import path (relative to the include directory it was found in). */
function fileNamer(root: protobuf.Root, includeDirs: string[]): (decl: TopLevel) => string {
  // Files protobufjs bundles (google/protobuf/timestamp.proto, ...) are added from JSON and carry no filename.
  const bundled = new Map<string, string>();
  for (const file of root.files) {
    const json = protobuf.common.get(file) as protobuf.INamespace | null;
    if (!json?.nested) continue;
    const walk = (nested: Record<string, protobuf.AnyNestedObject>, prefix: string) => {
      for (const [key, value] of Object.entries(nested)) {
        const fqn = `${prefix}.${key}`;
        if ('fields' in value || 'values' in value || 'methods' in value) bundled.set(fqn, file);
        else if ('nested' in value && value.nested) walk(value.nested, fqn);
      }
    };
    walk(json.nested, '');
  }
  return (decl) => {
    const filename = decl.filename;
    let name: string | undefined;
    if (filename && path.isAbsolute(filename)) {
      const dir = includeDirs.find((d) => !path.relative(d, filename).startsWith('..'));
      name = dir ? path.relative(dir, filename).split(path.sep).join('/') : filename;
    } else {
      name = filename ?? bundled.get(decl.fullName);
    }
    if (!name) throw new Error(`reflection: cannot tell which file declares ${decl.fullName}`);
    return RENAMED[name] ?? name;
  };
}

/**
 * A package definition for @grpc/reflection's ReflectionService describing `files` (relative to `protoRoot`), their
 * imports, and the standard health and reflection services, with correct file names and dependencies.
 */
export function reflectionPackageDefinition(files: string[], protoRoot: string): PackageDefinition {
  const allFiles = [...files, ...STANDARD_PROTO_FILES];
  const includeDirs = [protoRoot, ...STANDARD_PROTO_DIRS];
  const fileDescriptorProtos = buildFileDescriptorProtos(allFiles, includeDirs);
  // ReflectionService reads nothing but the fileDescriptorProtos of the definitions; give each the rebuilt set.
  const packageDefinition = loadSync(allFiles, { includeDirs });
  for (const definition of Object.values(packageDefinition)) {
    if ('fileDescriptorProtos' in definition) definition.fileDescriptorProtos = fileDescriptorProtos;
  }
  return packageDefinition;
}
