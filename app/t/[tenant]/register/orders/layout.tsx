import { ClientMessages } from '@/components/ui/client-messages';

/** The register's orders screen: its client components get the messages they use, no more (i18n/client-messages.ts). */
export default function RegisterOrdersLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="registerOrders">{children}</ClientMessages>;
}
