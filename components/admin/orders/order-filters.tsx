import Form from 'next/form';
import Link from 'next/link';
import { STATUS_FILTERS } from '@/components/register/orders/format';
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
  const quick = (from: string, to: string) => ordersHref({ ...values, from, to });
  return (
    <Form action="/admin/orders" role="search" aria-label="Find orders" className="space-y-4 rounded-xl border border-slate-200 bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <TextField label="From" name="from" type="date" defaultValue={values.from} max={today} error={errors.from} />
        <TextField label="To" name="to" type="date" defaultValue={values.to} max={today} error={errors.to} />
        <SelectField label="Status" name="status" defaultValue={values.status}>
          {STATUS_FILTERS.map((f) => (
            <option key={f.key} value={f.key}>
              {f.key === 'all' ? 'Any status' : f.label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Paid by" name="tender" defaultValue={values.tender} error={errors.tender}>
          <option value="">Any tender</option>
          <option value="cash">Cash</option>
          <option value="card">Card</option>
        </SelectField>
        <SelectField label="Staff" name="staff" defaultValue={values.staff} error={errors.staff}>
          <option value="">Anyone</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Activity"
          name="activity"
          defaultValue={values.activity}
          error={errors.activity}
          hint={values.activity ? 'Dates and staff are those of the refund or void.' : undefined}
        >
          <option value="">Sold</option>
          <option value="refunded">Refunded</option>
          <option value="voided">Voided</option>
        </SelectField>
        {tables.length > 0 && (
          <SelectField label="Table" name="table" defaultValue={values.table} error={errors.table}>
            <option value="">Any table</option>
            {tables.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </SelectField>
        )}
        <div className="grid grid-cols-2 gap-2">
          <TextField label={`Total from (${currency})`} name="min" inputMode="decimal" autoComplete="off" defaultValue={values.min} error={errors.min} />
          <TextField label={`Total to (${currency})`} name="max" inputMode="decimal" autoComplete="off" defaultValue={values.max} error={errors.max} />
        </div>
        <TextField label="Order number" name="number" inputMode="numeric" autoComplete="off" placeholder="e.g. 12" defaultValue={values.number} error={errors.number} />
      </div>
      {values.shift && (
        <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="shift-filter">
          <input type="hidden" name="shift" value={values.shift} />
          <span className="rounded-full bg-brand-50 px-3 py-1 font-medium text-brand-800">
            {errors.shift ?? shift ?? 'A shift that is not in this store'}: rung up on it or paid or refunded through its drawer
          </span>
          <Link href={ordersHref({ ...values, shift: '' })} className="font-semibold text-brand-700 underline">
            Any shift
          </Link>
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className={buttonClass('primary')}>
          Search
        </button>
        <Link href="/admin/orders" className={buttonClass('ghost')}>
          Clear filters
        </Link>
        <span className="mx-1 hidden h-6 w-px bg-slate-200 sm:block" aria-hidden="true" />
        <Link href={quick(today, today)} className={buttonClass('ghost')}>
          Today
        </Link>
        <Link href={quick(weekAgo, today)} className={buttonClass('ghost')}>
          Last 7 days
        </Link>
      </div>
    </Form>
  );
}
