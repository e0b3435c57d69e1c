export { ItemForm, type ItemFormProps } from './ItemForm';
export { parseForm, type ParsedForm } from './parse-form';
export { errorSchemaOf, otherFields } from './server-errors';
