import type { Authorizer } from '@govhall/auth';
import { createDraftItemUseCase } from './create-draft-item/create-draft-item.usecase';
import { deleteDraftItemUseCase } from './delete-draft-item/delete-draft-item.usecase';
import { diffEditionsUseCase } from './diff-editions/diff-editions.usecase';
import { getItemUseCase } from './get-item/get-item.usecase';
import { listItemsUseCase } from './list-items/list-items.usecase';
import { newEditionUseCase } from './new-edition/new-edition.usecase';
import type { Clock, IdGenerator, ItemRepository } from './ports';
import { retireItemUseCase } from './retire-item/retire-item.usecase';
import { reviewItemUseCase } from './review-item/review-item.usecase';
import { submitItemUseCase } from './submit-item/submit-item.usecase';
import { updateDraftItemUseCase } from './update-draft-item/update-draft-item.usecase';

export interface ItemDeps {
  items: ItemRepository;
  clock: Clock;
  ids: IdGenerator;
  authorizer: Authorizer;
  /** Tenants this deployment serves (GOVHALL_TENANTS); empty means any. */
  hostedTenants?: readonly string[];
}

/** Every staff-side item use case (drafts, lifecycle, staff reads), built over the same repository. */
export function createItemUseCases(deps: ItemDeps) {
  return {
    createDraftItem: createDraftItemUseCase(deps),
    getItem: getItemUseCase(deps),
    updateDraftItem: updateDraftItemUseCase(deps),
    submitItem: submitItemUseCase(deps),
    reviewItem: reviewItemUseCase(deps),
    newEdition: newEditionUseCase(deps),
    retireItem: retireItemUseCase(deps),
    deleteDraftItem: deleteDraftItemUseCase(deps),
    diffEditions: diffEditionsUseCase(deps),
    listItems: listItemsUseCase(deps),
  };
}

export type ItemUseCases = ReturnType<typeof createItemUseCases>;
