import type { Names } from '../names';

/** src/usecases/create-<entity>/create-<entity>.usecase.ts */
export function createUseCase(n: Names): string {
  const e = n.entity;
  return `import { actsInTenant, hasAnyRole, type Principal } from '@govhall/auth';
import { ConflictError, ForbiddenError, PreconditionError, ValidationError } from '@govhall/errors';
import { new${e.pascal}, validateNew${e.pascal}, type New${e.pascal}Input, type ${e.pascal} } from '../../domain/${e.kebab}';
import type { Clock, IdGenerator, ${e.pascal}Repository } from '../ports';

export type Create${e.pascal}Command = New${e.pascal}Input;

/**
 * A center administrator creates a ${e.kebab} in their own tenant; titles are unique per tenant.
 * \`hostedTenants\` are the tenants this deployment serves (GOVHALL_TENANTS); empty means any.
 */
export function create${e.pascal}UseCase(deps: {
  ${e.pluralCamel}: ${e.pascal}Repository;
  clock: Clock;
  ids: IdGenerator;
  hostedTenants?: readonly string[];
}) {
  return async (command: Create${e.pascal}Command, actor: Principal): Promise<${e.pascal}> => {
    const violations = validateNew${e.pascal}(command);
    if (violations.length > 0) throw new ValidationError(violations);
    if (!hasAnyRole(actor, ['center_admin']) || !actsInTenant(actor, command.tenant)) {
      throw new ForbiddenError('${n.upper}_WRITE_FORBIDDEN', '只有本级政务服务中心管理员可以执行此操作');
    }
    if (deps.hostedTenants?.length && !deps.hostedTenants.includes(command.tenant)) {
      throw new PreconditionError('TENANT_NOT_HOSTED', \`本平台未托管行政区划 \${command.tenant}，请到其所属平台办理\`);
    }
    const { ${e.camel}, events } = new${e.pascal}(command, deps.ids.newId(), deps.clock.now(), actor.username);
    if (!(await deps.${e.pluralCamel}.insert(${e.camel}, events, actor))) {
      throw new ConflictError('${e.snake.toUpperCase()}_TITLE_TAKEN', '本级已有同名记录，请换一个标题');
    }
    return ${e.camel};
  };
}
`;
}

/** Its unit test, on the in-memory fake of the repository port. */
export function createUseCaseTest(n: Names): string {
  const e = n.entity;
  return `import { ConflictError, ForbiddenError, PreconditionError, ValidationError } from '@govhall/errors';
import { InMemory${e.pascal}Repository, principal } from '../in-memory-${e.plural}.test-double';
import { create${e.pascal}UseCase, type Create${e.pascal}Command } from './create-${e.kebab}.usecase';

const command: Create${e.pascal}Command = { tenant: '620321', title: '示例标题' };

function setup(hostedTenants: string[] = []) {
  const ${e.pluralCamel} = new InMemory${e.pascal}Repository();
  let n = 0;
  const create${e.pascal} = create${e.pascal}UseCase({
    ${e.pluralCamel},
    clock: { now: () => new Date('2026-11-26T00:00:00Z') },
    ids: { newId: () => \`00000000-0000-4000-8000-00000000000\${++n}\` },
    hostedTenants,
  });
  return { ${e.pluralCamel}, create${e.pascal} };
}

describe('create ${e.kebab.replaceAll('-', ' ')}', () => {
  it('creates version 1 with one event, recording who created it', async () => {
    const { ${e.pluralCamel}, create${e.pascal} } = setup();
    const created = await create${e.pascal}({ ...command, title: '  示例标题  ' }, principal());
    expect(created).toMatchObject({ tenant: '620321', title: '示例标题', version: 1, createdBy: 'yc-admin' });
    expect(${e.pluralCamel}.events).toEqual([{ type: '${e.pascal}Created', ${e.camel}: created }]);
  });

  it('refuses a second one with the same title in the tenant', async () => {
    const { ${e.pluralCamel}, create${e.pascal} } = setup();
    await create${e.pascal}(command, principal());
    await expect(create${e.pascal}(command, principal())).rejects.toBeInstanceOf(ConflictError);
    expect(${e.pluralCamel}.saved.size).toBe(1);
  });

  it('refuses other roles and other tenants', async () => {
    const { ${e.pluralCamel}, create${e.pascal} } = setup();
    await expect(create${e.pascal}(command, principal({ roles: ['window_clerk'] }))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(create${e.pascal}(command, principal({ tenant: '620302' }))).rejects.toBeInstanceOf(ForbiddenError);
    expect(${e.pluralCamel}.saved.size).toBe(0);
  });

  it('refuses a tenant this deployment does not host', async () => {
    const { ${e.pluralCamel}, create${e.pascal} } = setup(['620302']);
    await expect(create${e.pascal}(command, principal())).rejects.toBeInstanceOf(PreconditionError);
    expect(${e.pluralCamel}.saved.size).toBe(0);
  });

  it('names every invalid field', async () => {
    const { create${e.pascal} } = setup();
    const err = await create${e.pascal}({ tenant: '62', title: 'x' }, principal()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).violations.map((v) => v.path)).toEqual(['tenant', 'title']);
  });
});
`;
}
