import {
  creditCodeCheckCharacter,
  organizationCodeCheckCharacter,
  residentIdCheckCharacter,
} from '@govhall/identifiers';

// Valid identifiers for tests, their check characters computed rather than copied.

/** A valid resident ID number of someone born on `birth` in `region`. */
export function idNumber(sequence = '123', birth = '19900307', region = '620321'): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** A valid unified social credit code of a company registered in `region`. */
export function creditCode(organization8 = 'MA74XB2K', region = '620321'): string {
  const first17 = `91${region}${organization8}${organizationCodeCheckCharacter(organization8)}`;
  return first17 + creditCodeCheckCharacter(first17);
}
