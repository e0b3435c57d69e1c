export { FILE_TYPES, extensionOf, normalizeContentType, sniffFileType, type FileType } from './file-types';
export { formDataViolations, parseFormData, type ParsedJson } from './form-data';
export { violationOf, type SchemaError } from './form-messages';
