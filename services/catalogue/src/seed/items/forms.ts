/**
 * Small builders for the seed items' application forms (JSON Schema 2020-12, Chinese titles). Only keywords Ajv
 * knows in strict mode are used, so the forms pass the catalogue's schema check.
 */

type Schema = Record<string, unknown>;

const DIALECT = 'https://json-schema.org/draft/2020-12/schema';
const RESIDENT_ID = '^\\d{17}[\\dX]$';
const CREDIT_CODE = '^[0-9A-HJ-NPQRTUWXY]{18}$';
const MOBILE = '^1[3-9]\\d{9}$';

export const text = (title: string, extra: Schema = {}): Schema => ({ type: 'string', title, minLength: 1, ...extra });
export const integer = (title: string, extra: Schema = {}): Schema => ({
  type: 'integer',
  title,
  minimum: 0,
  ...extra,
});
export const decimal = (title: string, extra: Schema = {}): Schema => ({ type: 'number', title, minimum: 0, ...extra });
export const yesNo = (title: string): Schema => ({ type: 'boolean', title });
export const date = (title: string): Schema => ({ type: 'string', title, format: 'date' });
export const choice = (title: string, values: string[]): Schema => ({ type: 'string', title, enum: values });
export const choices = (title: string, values: string[]): Schema => ({
  type: 'array',
  title,
  minItems: 1,
  uniqueItems: true,
  items: { type: 'string', enum: values },
});
export const residentId = (title = '公民身份号码'): Schema => text(title, { pattern: RESIDENT_ID });
export const creditCode = (title = '统一社会信用代码'): Schema => text(title, { pattern: CREDIT_CODE });
export const mobile = (title = '联系电话'): Schema => text(title, { pattern: MOBILE });

/** An object of fields; all required unless `optional` names some. */
export function group(title: string, properties: Record<string, Schema>, optional: string[] = []): Schema {
  const required = Object.keys(properties).filter((key) => !optional.includes(key));
  return { type: 'object', title, properties, required };
}

/** A natural person: name, ID number, mobile phone. */
export function person(title: string): Schema {
  return group(title, { name: text('姓名', { maxLength: 30 }), idNumber: residentId(), phone: mobile() });
}

/** A bank account the money is paid into (社会保障卡金融账号 or a bank card). */
export function bankAccount(title: string, accountTitle = '银行账号'): Schema {
  return group(title, {
    bankName: text('开户银行', { maxLength: 50 }),
    account: text(accountTitle, { pattern: '^\\d{12,19}$' }),
  });
}

/** A registered organisation or business: name, credit code, legal representative, phone, address. */
export function organisation(title: string): Schema {
  return group(title, {
    name: text('名称', { maxLength: 100 }),
    creditCode: creditCode(),
    legalRepresentative: text('法定代表人（负责人）', { maxLength: 30 }),
    phone: mobile(),
    address: text('住所（经营场所）', { maxLength: 200 }),
  });
}

/** The form as JSON text: a titled object whose top-level groups are all required unless `optional`. */
export function formSchema(title: string, properties: Record<string, Schema>, optional: string[] = []): string {
  return JSON.stringify({ $schema: DIALECT, ...group(title, properties, optional) });
}
