export { generateService, type GenerateOptions, type GenerateResult } from './generate';
export { UsageError } from './names';
