import { useTranslations } from 'next-intl';
import Form from 'next/form';
import Link from 'next/link';
import { STATUS_FILTER_KEY, STATUS_FILTERS } from '@/components/register/orders/format';
import { buttonClass } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { ordersHref, type OrderFilterValues } from './search-params';

type Option = { id: string; name: string };

/**
 * The order search form: a plain GET form, so the filters land in the URL (a filtered view is
 * a link), Enter searches from any field, and it works before any script has loaded.
 */
export function OrderFilters({
  values,
  errors,
  staff,
  tables,
  currency,
  today,
  weekAgo,
  shift,
}: {
  values: OrderFilterValues;
  errors: Partial<Record<keyof OrderFilterValues, string>>;
  staff: Option[];
  tables: Option[];
  currency: string;
  today: string;
  weekAgo: string;
  /** What the URL's shift filter is, in words (null: no such shift). */
  shift: string | null;
}) {
  const t = useTranslations('admin.orders');
  const to = useTranslations('orders');
  const quick = (from: string, to: string) => ordersHref({ ...values, from, to });
  return (
    <Form action="/admin/orders" role="search" aria-label={t('findOrders')} className="space-y-4 rounded-xl border border-slate-200 bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <TextField label={t('from')} name="from" type="date" defaultValue={values.from} max={today} error={errors.from} />
        <TextField label={t('to')} name="to" type="date" defaultValue={values.to} max={today} error={errors.to} />
        <SelectField label={t('status')} name="status" defaultValue={values.status}>
          {STATUS_FILTERS.map((f) => (
            <option key={f.key} value={f.key}>
              {f.key === 'all' ? t('anyStatus') : to(STATUS_FILTER_KEY[f.key])}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('paidBy')} name="tender" defaultValue={values.tender} error={errors.tender}>
          <option value="">{t('anyTender')}</option>
          <option value="cash">{t('cash')}</option>
          <option value="card">{t('card')}</option>
        </SelectField>
        <SelectField label={t('staff')} name="staff" defaultValue={values.staff} error={errors.staff}>
          <option value="">{t('anyone')}</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('activity')}
          name="activity"
          defaultValue={values.activity}
          error={errors.activity}
          hint={values.activity ? t('activityHint') : undefined}
        >
          <option value="">{t('sold')}</option>
          <option value="refunded">{t('refunded')}</option>
          <option value="voided">{t('voided')}</option>
        </SelectField>
        {tables.length > 0 && (
          <SelectField label={t('table')} name="table" defaultValue={values.table} error={errors.table}>
            <option value="">{t('anyTable')}</option>
            {tables.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </SelectField>
        )}
        <div className="grid grid-cols-2 gap-2">
          <TextField label={t('totalFrom', { currency })} name="min" inputMode="decimal" autoComplete="off" defaultValue={values.min} error={errors.min} />
          <TextField label={t('totalTo', { currency })} name="max" inputMode="decimal" autoComplete="off" defaultValue={values.max} error={errors.max} />
        </div>
        <TextField label={t('orderNumber')} name="number" inputMode="numeric" autoComplete="off" placeholder={t('orderNumberExample')} defaultValue={values.number} error={errors.number} />
      </div>
      {values.shift && (
        <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="shift-filter">
          <input type="hidden" name="shift" value={values.shift} />
          <span className="rounded-full bg-brand-50 px-3 py-1 font-medium text-brand-800">
            {t('shiftFilter', { shift: errors.shift ?? shift ?? t('unknownShift') })}
          </span>
          <Link href={ordersHref({ ...values, shift: '' })} className="font-semibold text-brand-700 underline">
            {t('anyShift')}
          </Link>
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className={buttonClass('primary')}>
          {t('search')}
        </button>
        <Link href="/admin/orders" className={buttonClass('ghost')}>
          {t('clearFilters')}
        </Link>
        <span className="mx-1 hidden h-6 w-px bg-slate-200 sm:block" aria-hidden="true" />
        <Link href={quick(today, today)} className={buttonClass('ghost')}>
          {t('today')}
        </Link>
        <Link href={quick(weekAgo, today)} className={buttonClass('ghost')}>
          {t('last7')}
        </Link>
      </div>
    </Form>
  );
}
