export * from './principal';
export * from './verifier';
export * from './service-token';
export * from './password-logins';
export * from './authorization';
export * from './service-accounts';
