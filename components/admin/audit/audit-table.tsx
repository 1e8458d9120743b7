import { useLocale, useTranslations } from 'next-intl';
import type { Locale } from '@/lib/platform/locale';
import Link from 'next/link';
import type { AuditEventView } from '@/lib/auth';
import { auditActionText } from './action-words';
import { changeRows, detailRows, entityOf, shortDevice, type AuditChangeT, type AuditWords, type OrderStatusT } from './format';
import type { Formats } from '@/lib/platform/formats';
import { tableScrollClass } from '@/components/ui/table';
import { dateTimeFormat } from '@/lib/platform/format-time';

/**
 * The audit log as a table: when (in the store's time zone), who (and who approved), what,
 * what it was about (linked where a page shows it), what changed, and from where — in the
 * reader's language and digits (`formats`: the page's `pageFormats()`; format.ts).
 */
export function AuditTable({ rows, people, timeZone, currency, formats }: { rows: AuditEventView[]; people: Record<string, string>; timeZone: string; currency: string; formats: Formats }) {
  const t = useTranslations('admin.audit');
  const words = useTranslations('auditActions');
  const said: AuditWords = { t: useTranslations('auditChange') as unknown as AuditChangeT, orders: useTranslations('orders') as unknown as OrderStatusT, f: formats };
  const when = dateTimeFormat(timeZone, 'dateTimeSeconds', useLocale() as Locale);
  return (
    <div className={tableScrollClass}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="bg-slate-50 text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className="px-4 py-3">{t('when')}</th>
            <th scope="col" className="px-4 py-3">{t('who')}</th>
            <th scope="col" className="px-4 py-3">{t('what')}</th>
            <th scope="col" className="px-4 py-3">{t('change')}</th>
            <th scope="col" className="px-4 py-3">{t('whereFrom')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const entity = entityOf(row, people, said);
            const changes = changeRows(row.before, row.after, currency, said);
            const details = detailRows(row, currency, people, said);
            return (
              <tr key={row.id} className="align-top" data-testid="audit-row">
                <td className="px-4 py-3 whitespace-nowrap">
                  <time dateTime={row.at}>{when.format(new Date(row.at))}</time>
                </td>
                <td className="px-4 py-3">
                  <p className="font-medium text-slate-900">{row.actor?.name ?? <span className="text-slate-500">{t('nobody')}</span>}</p>
                  {row.approver && <p className="text-slate-600">{t('approvedBy', { name: row.approver.name })}</p>}
                </td>
                <td className="px-4 py-3">
                  <p className="font-medium text-slate-900">{auditActionText(row.action, words)}</p>
                  <p className="text-slate-600">
                    {entity.href ? (
                      <Link href={entity.href} className="text-brand-700 underline">
                        {entity.text}
                      </Link>
                    ) : (
                      entity.text
                    )}
                  </p>
                </td>
                <td className="px-4 py-3">
                  {changes.length > 0 && (
                    <ul className="space-y-0.5">
                      {changes.map((c) => (
                        <li key={c.field}>
                          <span className="text-slate-600">{c.field}: </span>
                          {c.from && <span>{c.from}</span>}
                          {c.from && c.to && (
                            <>
                              <span aria-hidden="true" className="px-1 text-slate-400">
                                →
                              </span>
                              <span className="sr-only">{t('changedTo')}</span>
                            </>
                          )}
                          {c.to && <span className="font-medium">{c.to}</span>}
                          {!c.to && <span className="sr-only">{t('removed')}</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                  {details.length > 0 && (
                    <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 text-slate-600">
                      {details.map((d) => (
                        <div key={d.label} className="contents">
                          <dt>{d.label}:</dt>
                          <dd className="break-words">{d.value}</dd>
                        </div>
                      ))}
                    </dl>
                  )}
                  {changes.length === 0 && details.length === 0 && <span className="text-slate-400">—</span>}
                </td>
                <td className="px-4 py-3 whitespace-nowrap text-slate-600">
                  <p>{row.ip ?? '—'}</p>
                  <p title={row.userAgent ?? undefined}>{shortDevice(row.userAgent, said)}</p>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
