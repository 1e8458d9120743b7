/** A placeholder while a catalog page loads: announced once, shaped like what is coming. */
export function LoadingPanel({ label, rows = 6 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className="h-8 w-48 animate-pulse rounded-lg bg-slate-200" />
      <div aria-hidden="true" className="overflow-hidden rounded-xl border border-slate-200 bg-white">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b border-slate-100 px-4 py-4 last:border-b-0">
            <div className="h-4 flex-1 animate-pulse rounded bg-slate-200" />
            <div className="h-4 w-24 animate-pulse rounded bg-slate-100" />
            <div className="h-4 w-16 animate-pulse rounded bg-slate-100" />
          </div>
        ))}
      </div>
      <p aria-hidden="true" className="text-sm text-slate-500">
        {label}
      </p>
    </div>
  );
}
