'use client';

import { useEffect } from 'react';
import { holdIdleLock } from './idle-timer';

/** Keeps the register from locking while `active` (a payment being taken or confirmed). */
export function useIdleHold(active: boolean): void {
  useEffect(() => (active ? holdIdleLock() : undefined), [active]);
}
