import { ClientMessages } from '@/components/ui/client-messages';

/** The kitchen screens' client components get the messages they use, no more (i18n/client-messages.ts). */
export default function KitchenLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="kitchen">{children}</ClientMessages>;
}
