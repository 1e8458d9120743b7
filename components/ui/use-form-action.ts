'use client';

import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react';
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

/**
 * useFormAction for a form that adds something (a person, a location, a supplier): it empties
 * once the action answers ok, ready for the next one, and keeps what was typed on an error.
 * Answers `form` to pass as the form's `ref`, and the field errors.
 */
export function useAddForm(action: FormAction) {
  const { state, pending, onSubmit } = useFormAction(action, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return { state, pending, onSubmit, form, fieldErrors: state?.fieldErrors ?? {} };
}

/**
 * After an action that can change the interface language answers ok, a router refresh: it
 * re-renders every layout, where the action's own refresh() was seen (Next 16) to re-render the
 * root layout and the page but not the layouts between, which hand each screen its messages
 * (components/ui/client-messages.tsx; e2e/i18n.spec.ts caught it).
 */
export function useRefreshWhenSaved(state: FormState): void {
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
}
