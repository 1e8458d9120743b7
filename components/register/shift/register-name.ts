/**
 * Which register this browser is: kept in localStorage under the key the sale screen uses
 * too, so the shift, the sale screen and the orders screen agree.
 */
export const REGISTER_NAME_KEY = 'tillwise.registerName';
export const DEFAULT_REGISTER_NAME = 'Register 1';

export function readRegisterName(): string {
  try {
    return window.localStorage.getItem(REGISTER_NAME_KEY)?.trim() || DEFAULT_REGISTER_NAME;
  } catch {
    return DEFAULT_REGISTER_NAME; // storage blocked (private mode, policy): the default register
  }
}

export function saveRegisterName(name: string): void {
  try {
    window.localStorage.setItem(REGISTER_NAME_KEY, name.trim().slice(0, 40) || DEFAULT_REGISTER_NAME);
  } catch {
    // Not persisted; this page still uses the name until it is reloaded.
  }
}
