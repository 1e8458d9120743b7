'use client';

import { useCallback, useEffect, useState } from 'react';
import { api, type ApiError } from './api';
import type { Shift } from './types';

/** Where this device keeps its register name (shared with the shift screen). */
export const REGISTER_NAME_KEY = 'tillwise.registerName';
export const DEFAULT_REGISTER_NAME = 'Register 1';

function readName(): string {
  try {
    return window.localStorage.getItem(REGISTER_NAME_KEY)?.trim() || DEFAULT_REGISTER_NAME;
  } catch {
    return DEFAULT_REGISTER_NAME;
  }
}

export type ShiftState =
  | { status: 'loading' }
  | { status: 'open'; shift: Shift }
  | { status: 'none' }
  | { status: 'error'; error: ApiError };

/**
 * This device's register (its name lives in localStorage, "Register 1" by default) and that
 * register's open shift: GET /api/v1/shifts?register=NAME answers the shift or 404. Selling
 * needs an open shift; its id goes with every order and payment.
 */
export function useRegisterShift() {
  const [name, setNameState] = useState<string | null>(null);
  const [shift, setShift] = useState<ShiftState>({ status: 'loading' });

  useEffect(() => {
    setNameState(readName());
    const onStorage = (event: StorageEvent) => {
      if (event.key === REGISTER_NAME_KEY) setNameState(readName());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const load = useCallback(async (register: string, quiet = false) => {
    if (!quiet) setShift({ status: 'loading' });
    const result = await api<Shift>(`/api/v1/shifts?register=${encodeURIComponent(register)}`, { retries: 1 });
    if (result.ok) setShift({ status: 'open', shift: result.data });
    else if (result.error.status === 404) setShift({ status: 'none' });
    else setShift({ status: 'error', error: result.error });
  }, []);

  useEffect(() => {
    if (name) void load(name);
  }, [name, load]);

  const setName = useCallback((next: string) => {
    const clean = next.trim().slice(0, 40) || DEFAULT_REGISTER_NAME;
    try {
      window.localStorage.setItem(REGISTER_NAME_KEY, clean);
    } catch {
      // Private mode: the name lasts for this page only.
    }
    setNameState(clean);
  }, []);

  return {
    registerName: name,
    setRegisterName: setName,
    shift,
    /** Ask again (e.g. the server said the shift was closed meanwhile). */
    reloadShift: (quiet = false) => (name ? load(name, quiet) : Promise.resolve()),
  };
}
