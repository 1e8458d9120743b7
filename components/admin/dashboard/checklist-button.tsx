'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

/** One button that runs a server action and says how it went (the checklist's dismiss and sample removal). */
export function ChecklistButton({ action, label, tone }: { action: FormAction; label: string; tone: 'primary' | 'secondary' }) {
  const { state, pending, onSubmit } = useFormAction(action, null);
  return (
    <form onSubmit={onSubmit} className="space-y-2">
      <Button type="submit" variant={tone} disabled={pending}>
        {label}
      </Button>
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-800">
          {state.ok}
        </p>
      )}
    </form>
  );
}
