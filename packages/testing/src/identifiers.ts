import { randomInt } from 'node:crypto';
import {
  creditCodeCheckCharacter,
  organizationCodeCheckCharacter,
  residentIdCheckCharacter,
} from '@govhall/identifiers';

/**
 * A fresh, valid resident ID number (GB 11643) for tests: region 620321 (永昌县) unless given, a random birth date
 * between 1960 and 2000 and a random sequence, so repeated test runs do not collide in the shared Keycloak.
 */
export function newResidentIdNumber(region = '620321'): string {
  const y = 1960 + randomInt(41);
  const m = 1 + randomInt(12);
  const d = 1 + randomInt(28);
  const body = `${region}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(randomInt(1000)).padStart(3, '0')}`;
  return body + residentIdCheckCharacter(body);
}

/** A fresh, valid unified social credit code (GB 32100): 92 (个体工商户), region 620321, random organisation code. */
export function newCreditCode(region = '620321'): string {
  let org8 = '';
  for (let i = 0; i < 8; i += 1) org8 += String(randomInt(10));
  const first17 = `92${region}${org8}${organizationCodeCheckCharacter(org8)}`;
  return first17 + creditCodeCheckCharacter(first17);
}
