'use client';

import { useEffect, useRef } from 'react';
import { scanStep, type ScanBuffer } from './scan-input';
import { isTextField } from './use-shortcuts';

/**
 * Barcode scans that arrive while no text field has focus (the page itself, a tile just
 * tapped): `onScan(code)` gets each one. Text fields keep their keys — the search box reads
 * scans itself — and nothing is read while a dialog is open. Listens in the capture phase and
 * marks the keys of a burst handled, so a "-" inside a SKU is not the "one fewer" shortcut
 * and the closing Enter does not press the focused button.
 */
export function useScanner(onScan: (code: string) => void) {
  const ref = useRef(onScan);
  useEffect(() => {
    ref.current = onScan;
  });

  useEffect(() => {
    let buffer: ScanBuffer = null;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || isTextField(e.target) || document.querySelector('dialog[open]')) {
        buffer = null;
        return;
      }
      const step = scanStep(buffer, e.key, e.timeStamp || performance.now());
      buffer = step.buffer;
      if (step.burst) e.preventDefault();
      if (step.code) ref.current(step.code);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
