import { ClientMessages } from '@/components/ui/client-messages';

/** The floor screens' client components get the messages they use, no more (i18n/client-messages.ts). */
export default function FloorLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="floor">{children}</ClientMessages>;
}
