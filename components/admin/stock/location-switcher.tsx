import Form from 'next/form';
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';

/**
 * Chooses the location a stock page shows (a GET form: the choice lives in the URL, so it
 * survives reloads and can be shared). Changing the select alone does not navigate: the
 * person confirms with "Show", which keeps keyboard users from jumping pages by accident.
 */
export function LocationSwitcher({
  action,
  locations,
  current,
  keep = {},
}: {
  action: string;
  locations: { id: string; name: string; isDefault?: boolean }[];
  current: string;
  /** Other search params to carry over (e.g. the search text). */
  keep?: Record<string, string | undefined>;
}) {
  const t = useTranslations('admin.stock');
  return (
    <Form action={action} className="flex items-end gap-2">
      {Object.entries(keep).map(([name, value]) => value !== undefined && <input key={name} type="hidden" name={name} value={value} />)}
      <div className="space-y-1">
        <label htmlFor="location-switcher" className="block text-sm font-medium text-slate-700">
          {t('location')}
        </label>
        <select
          id="location-switcher"
          name="location"
          defaultValue={current}
          className="block min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm"
        >
          {locations.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
              {l.isDefault ? t('defaultLocation') : ''}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass('secondary')}>
        {t('show')}
      </button>
    </Form>
  );
}
