import { findPublishedItemCodesUseCase } from './find-published-item-codes/find-published-item-codes.usecase';
import { getGuidePdfUseCase } from './get-guide-pdf/get-guide-pdf.usecase';
import { getGuideUseCase } from './get-guide/get-guide.usecase';
import { getItemFileUseCase } from './get-item-file/get-item-file.usecase';
import { getPublishedItemUseCase } from './get-published-item/get-published-item.usecase';
import type { PublicDeps } from './public.ports';
import { searchItemsUseCase } from './search-items/search-items.usecase';
import { uploadItemFileUseCase } from './upload-item-file/upload-item-file.usecase';

/** The public reading side (search, published items, guides) and item files, built over the same ports. */
export function createPublicUseCases(deps: PublicDeps) {
  return {
    searchItems: searchItemsUseCase(deps),
    getPublishedItem: getPublishedItemUseCase(deps),
    getGuide: getGuideUseCase(deps),
    getGuidePdf: getGuidePdfUseCase(deps),
    uploadItemFile: uploadItemFileUseCase(deps),
    getItemFile: getItemFileUseCase(deps),
    findPublishedItemCodes: findPublishedItemCodesUseCase(deps),
  };
}

export type PublicUseCases = ReturnType<typeof createPublicUseCases>;
