import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

const control =
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
        className: control,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error || hint ? messageId : undefined,
      })}
      {(error || hint) && (
        <p id={messageId} className={`text-sm ${error ? 'text-red-700' : 'text-slate-500'}`}>
          {error ?? hint}
        </p>
      )}
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
