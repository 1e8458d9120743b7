import Link from 'next/link';
import { StatusPage } from '@/components/ui/status-page';

/** Rendered with status 403 when a page calls forbidden() (e.g. a cashier opening /admin). */
export default function Forbidden() {
  return (
    <StatusPage
      status="403"
      tone="error"
      title="You don't have access to this page"
      actions={
        <Link href="/register" className="font-semibold text-brand-700 underline">
          Go to the register
        </Link>
      }
    >
      <p>Your role does not include it. Ask an owner or manager if you need it.</p>
    </StatusPage>
  );
}
