import { ClientMessages } from '@/components/ui/client-messages';

/** The register's shift screen: its client components get the messages they use, no more (i18n/client-messages.ts). */
export default function RegisterShiftLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="registerShift">{children}</ClientMessages>;
}
