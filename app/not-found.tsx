import Link from 'next/link';
import { headers } from 'next/headers';
import { TENANT_HEADER } from '@/lib/tenancy';

/**
 * 404 for every host. On a tenant subdomain that names no business (the tenant layout calls
 * notFound()), say so plainly — and never fall back to another tenant.
 */
export default async function NotFound() {
  const slug = (await headers()).get(TENANT_HEADER);
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center px-6 py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      {slug ? (
        <>
          <h1 className="mt-2 text-3xl font-bold">No such store</h1>
          <p className="mt-3 text-slate-600">
            There is no store at <span className="font-mono">{slug}</span>, or this page does not exist. Check the
            address you were given.
          </p>
        </>
      ) : (
        <>
          <h1 className="mt-2 text-3xl font-bold">Page not found</h1>
          <p className="mt-3 text-slate-600">This page does not exist.</p>
          <p className="mt-6">
            <Link href="/" className="font-semibold text-brand-700 underline">
              Go to the home page
            </Link>
          </p>
        </>
      )}
    </main>
  );
}
