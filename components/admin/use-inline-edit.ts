'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * A row that switches between reading and editing: focus goes to the first input when the
 * form opens and back to the Edit button when it closes; `done()` closes it after a save.
 */
export function useInlineEdit() {
  const [editing, setEditing] = useState(false);
  const fields = useRef<HTMLDivElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    if (editing) fields.current?.querySelector('input')?.focus();
    else if (wasEditing.current) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  return { editing, setEditing, fields, editButton };
}
