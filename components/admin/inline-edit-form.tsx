'use client';

import { useTranslations } from 'next-intl';
import type { FormEvent, ReactNode, RefObject } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/**
 * The edit form that opens inside a list row (categories, tax classes): its fields, Save and
 * Cancel; Escape cancels. Focus handling comes from useInlineEdit (`fields` is its ref).
 */
export function InlineEditForm({
  id,
  onSubmit,
  onCancel,
  pending,
  error,
  fields,
  gridClassName,
  children,
}: {
  id: string;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  pending: boolean;
  error?: string;
  fields: RefObject<HTMLDivElement | null>;
  gridClassName: string;
  children: ReactNode;
}) {
  const t = useTranslations('admin.catalog');
  return (
    <form onSubmit={onSubmit} className="mt-3 space-y-3 rounded-lg bg-slate-50 p-4" noValidate onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      {error && <Alert tone="error">{error}</Alert>}
      <input type="hidden" name="id" value={id} />
      <div ref={fields} className={`grid gap-4 ${gridClassName}`}>
        {children}
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
