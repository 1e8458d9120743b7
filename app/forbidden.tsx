import Link from 'next/link';

/** Rendered with status 403 when a page calls forbidden() (e.g. a cashier opening /admin). */
export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center px-6 py-16 text-center">
      <p className="text-sm font-semibold text-red-700">403</p>
      <h1 className="mt-2 text-3xl font-bold">You don&apos;t have access to this page</h1>
      <p className="mt-3 text-slate-600">Your role does not include it. Ask an owner or manager if you need it.</p>
      <p className="mt-6 flex justify-center gap-4">
        <Link href="/register" className="font-semibold text-brand-700 underline">
          Go to the register
        </Link>
      </p>
    </main>
  );
}
