import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

/** The look of every text control (exported for the few laid out by hand). */
export const controlClass =
  'block w-full min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-500';

type Common = { label: string; error?: string; hint?: ReactNode; id?: string };
type ControlProps = { id: string; className: string; 'aria-invalid'?: true; 'aria-describedby'?: string };

/** Label, control and message, wired for screen readers (the message is announced with the control). */
function Field({ label, error, hint, id, render }: Common & { render: (props: ControlProps) => ReactNode }) {
  const generated = useId();
  const controlId = id ?? generated;
  const messageId = `${controlId}-message`;
  return (
    <div className="space-y-1">
      <label htmlFor={controlId} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {render({
        id: controlId,
        className: controlClass,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error || hint ? messageId : undefined,
      })}
      <FieldMessage id={messageId} error={error} hint={hint} />
    </div>
  );
}

export function TextField({ label, error, hint, id, ...props }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return <Field label={label} error={error} hint={hint} id={id} render={(wired) => <input {...wired} {...props} />} />;
}

export function SelectField({ label, error, hint, id, children, ...props }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field label={label} error={error} hint={hint} id={id} render={(wired) => <select {...wired} {...props}>{children}</select>} />
  );
}

export function TextAreaField({ label, error, hint, id, ...props }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <Field label={label} error={error} hint={hint} id={id} render={(wired) => <textarea {...wired} {...props} />} />;
}

/** A checkbox with its label beside it (and its message under the label). */
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
        <FieldMessage id={messageId} error={error} hint={hint} />
      </div>
    </div>
  );
}

function FieldMessage({ id, error, hint }: { id: string; error?: string; hint?: ReactNode }) {
  if (!error && !hint) return null;
  return (
    <p id={id} className={`text-sm ${error ? 'text-red-700' : 'text-slate-500'}`}>
      {error ?? hint}
    </p>
  );
}
