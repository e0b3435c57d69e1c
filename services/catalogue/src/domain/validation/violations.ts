import type { Violation } from '@govhall/errors';
import { characterCount, checkText } from '@govhall/identifiers';

/** Collects violations; every check appends to one list so the caller sees all problems at once. */
export class Violations {
  readonly list: Violation[] = [];

  add(path: string, reason: string, message: string): void {
    this.list.push({ path, reason, message });
  }

  /** A required text: present (after trimming) and a safe text of at most `max` characters. */
  requireText(path: string, value: string, label: string, max: number): void {
    if (value.trim() === '') this.add(path, 'REQUIRED', `请填写${label}`);
    else this.maxLength(path, value, label, max);
  }

  /**
   * An optional text a person entered: the shared text rule of @govhall/identifiers (no control characters, line
   * feeds only where `multiline`, no bidi or zero-width characters, not blank once invisible characters are
   * removed) and at most `max` characters, counted in code points as a person counts Chinese.
   */
  maxLength(path: string, value: string, label: string, max: number, multiline = false): boolean {
    const result = checkText(value, { label, max, multiline });
    if (result.ok) return true;
    this.add(path, result.violation.reason, result.violation.message);
    return false;
  }

  /** A machine text (JSON) of at most `max` characters: any characters allowed, counted in code points. */
  maxCharacters(path: string, value: string, label: string, max: number): boolean {
    const length = characterCount(value);
    if (length <= max) return true;
    this.add(path, 'LENGTH', `${label}不能超过${max}个字符，当前为${length}个`);
    return false;
  }

  /** An integer within [min, max]; returns whether it is one. */
  integerIn(path: string, value: number, label: string, min: number, max: number): boolean {
    if (!Number.isSafeInteger(value)) {
      this.add(path, 'INTEGER', `${label}应为整数`);
      return false;
    }
    if (value < min || value > max) {
      this.add(path, 'RANGE', `${label}应在${min}至${max}之间，当前为${value}`);
      return false;
    }
    return true;
  }

  /** A value from a closed list; `names` gives the Chinese name of each allowed value. */
  oneOf<T extends string>(path: string, value: string, label: string, names: Record<T, string>): value is T {
    if (Object.hasOwn(names, value)) return true;
    const allowed = Object.values<string>(names).join('、');
    this.add(path, 'ENUM', `${label}“${value}”无效，应为以下之一：${allowed}`);
    return false;
  }

  /** A list of at most `max` entries. */
  maxEntries(path: string, list: readonly unknown[], label: string, max: number): void {
    if (list.length > max) this.add(path, 'TOO_MANY', `${label}最多${max}项，当前为${list.length}项`);
  }
}

/** True when a text holds something besides whitespace. */
export function filled(value: string): boolean {
  return value.trim() !== '';
}

/** Indexes of entries whose key already appeared earlier in the list (empty keys are ignored). */
export function duplicateIndexes<T>(list: readonly T[], key: (entry: T) => string): number[] {
  const seen = new Set<string>();
  const duplicates: number[] = [];
  list.forEach((entry, i) => {
    const k = key(entry);
    if (k === '') return;
    if (seen.has(k)) duplicates.push(i);
    seen.add(k);
  });
  return duplicates;
}
