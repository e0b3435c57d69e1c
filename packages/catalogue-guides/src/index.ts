export { CatalogueGuides, type CatalogueGuidesOptions } from './catalogue-guides';
