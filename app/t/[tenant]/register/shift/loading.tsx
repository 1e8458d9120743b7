export default function Loading() {
  return (
    <div className="mx-auto max-w-lg space-y-4 p-6" aria-busy="true">
      <p role="status" className="text-slate-600">
        Loading the shift…
      </p>
      <div className="h-40 animate-pulse rounded-xl bg-slate-200 motion-reduce:animate-none" />
    </div>
  );
}
