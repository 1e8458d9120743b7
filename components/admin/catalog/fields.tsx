import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';

/**
 * Controls the shared components/ui/field.tsx does not have yet (a textarea and a checkbox),
 * styled and wired the same way: visible label, message announced with the control.
 */
const control =
  'block w-full min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-500';

type Common = { label: string; error?: string; hint?: ReactNode; id?: string };

export function TextAreaField({ label, error, hint, id, ...props }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const generated = useId();
  const controlId = id ?? generated;
  const messageId = `${controlId}-message`;
  return (
    <div className="space-y-1">
      <label htmlFor={controlId} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <textarea
        id={controlId}
        className={control}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? messageId : undefined}
        {...props}
      />
      {(error || hint) && (
        <p id={messageId} className={`text-sm ${error ? 'text-red-700' : 'text-slate-500'}`}>
          {error ?? hint}
        </p>
      )}
    </div>
  );
}

export function CheckboxField({ label, error, hint, id, ...props }: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const generated = useId();
  const controlId = id ?? generated;
  const messageId = `${controlId}-message`;
  return (
    <div className="flex items-start gap-3">
      <input
        id={controlId}
        type="checkbox"
        className="mt-0.5 size-5 shrink-0 rounded border-slate-300 accent-brand-600"
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? messageId : undefined}
        {...props}
      />
      <div>
        <label htmlFor={controlId} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        {(error || hint) && (
          <p id={messageId} className={`text-sm ${error ? 'text-red-700' : 'text-slate-500'}`}>
            {error ?? hint}
          </p>
        )}
      </div>
    </div>
  );
}

/** The label and control classes for the few places that lay a control out by hand. */
export const controlClass = control;
