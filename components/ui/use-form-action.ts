'use client';

import { startTransition, useActionState, type FormEvent } from 'react';
import type { FormState } from '@/lib/auth';

/** A server action as a form calls it. Pages hand it down as a prop: components sit below app/. */
export type FormAction<S = FormState> = (prev: S, formData: FormData) => Promise<S>;

/**
 * useActionState without React's automatic form reset: a form that comes back with an error
 * keeps what the person typed (a plain `<form action>` clears every field).
 */
export function useFormAction<S>(action: (prev: Awaited<S>, formData: FormData) => Promise<S>, initial: Awaited<S>) {
  const [state, dispatch, pending] = useActionState<S, FormData>(action, initial);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(formData));
  };
  return { state, pending, onSubmit };
}
