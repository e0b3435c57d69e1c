import { chinaToday } from '@govhall/calendar';
import type { Connection } from '@govhall/mongo';
import { ProjectCases } from './adapters/cases/project-cases';
import type { ServiceAccounts } from '@govhall/auth';
import type { ProjectUseCases } from './adapters/grpc/project.grpc-handler';
import { IdentityProjectDirectory } from './adapters/identity/project-directory';
import { MongoProjectRepository } from './adapters/mongo/project.repository';
import { assignAgentUseCase } from './usecases/assign-agent/assign-agent.usecase';
import { attachCaseUseCase } from './usecases/attach-case/attach-case.usecase';
import { closeProjectUseCase } from './usecases/close-project/close-project.usecase';
import { createProjectUseCase } from './usecases/create-project/create-project.usecase';
import { detachCaseUseCase } from './usecases/detach-case/detach-case.usecase';
import { getProjectProgressUseCase, getProjectUseCase } from './usecases/get-project/get-project.usecase';
import { listMyProjectsUseCase } from './usecases/list-my-projects/list-my-projects.usecase';
import { listProjectsUseCase } from './usecases/list-projects/list-projects.usecase';
import { mirrorProjectCaseUseCase } from './usecases/mirror-project-case/mirror-project-case.usecase';
import type { Clock, IdGenerator } from './usecases/ports';
import { queryProjectProgressUseCase } from './usecases/query-project-progress/query-project-progress.usecase';
import { updateProjectUseCase } from './usecases/update-project/update-project.usecase';

/** Projects (J20): their repository, identity and cases adapters, and use cases, as main wires them. */
export function wireProjects(o: {
  connection: Connection;
  accounts: ServiceAccounts;
  clock: Clock;
  ids: IdGenerator;
  identityAddress: string;
  applicationsAddress: string;
}) {
  const projects = new MongoProjectRepository(o.connection);
  const directory = new IdentityProjectDirectory(o.identityAddress, o.accounts);
  const cases = new ProjectCases(o.applicationsAddress, o.accounts);
  const deps = { projects, directory, investors: directory, cases, clock: o.clock, ids: o.ids };
  const useCases: ProjectUseCases = {
    createProject: createProjectUseCase(deps),
    updateProject: updateProjectUseCase(deps),
    assignAgent: assignAgentUseCase(deps),
    attachCase: attachCaseUseCase(deps),
    detachCase: detachCaseUseCase(deps),
    closeProject: closeProjectUseCase(deps),
    getProject: getProjectUseCase(deps),
    getProjectProgress: getProjectProgressUseCase(deps),
    listProjects: listProjectsUseCase(deps),
    listMyProjects: listMyProjectsUseCase(deps),
    queryProjectProgress: queryProjectProgressUseCase(deps),
    today: () => chinaToday(o.clock.now()),
  };
  return {
    model: projects.model,
    /** The projects' store (ListJointReviews by project). */
    repository: projects as Pick<MongoProjectRepository, 'findById'>,
    useCases,
    mirrorProject: mirrorProjectCaseUseCase(deps),
    close(): void {
      directory.close();
      cases.close();
    },
  };
}
