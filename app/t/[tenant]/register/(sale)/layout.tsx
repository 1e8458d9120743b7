import { ClientMessages } from '@/components/ui/client-messages';

/** The sale screen's client components get the messages they use, no more (i18n/client-messages.ts). */
export default function RegisterLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="register">{children}</ClientMessages>;
}
