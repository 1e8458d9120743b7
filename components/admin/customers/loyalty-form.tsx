'use client';

import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/auth';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';

export type LoyaltyFormValues = { earnPoints: number; earnPerAmount: string; rewardPoints: number; rewardValue: string; currency: string };

/** The loyalty scheme (owner): amounts are typed in major units of the tenant's currency. */
export function LoyaltyForm({ action, initial }: { action: FormAction; initial: LoyaltyFormValues }) {
  const t = useTranslations('admin.customers');
  const { state, pending, onSubmit } = useFormAction<FormState>(action, null);
  const errors = state && 'fieldErrors' in state ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" noValidate>
      <TextField label={t('pointsEarned')} name="earnPoints" type="number" min={0} defaultValue={initial.earnPoints} error={errors.earnPoints} hint={t('noPointsHint')} />
      <TextField label={t('forEvery', { currency: initial.currency })} name="earnPerAmount" inputMode="decimal" defaultValue={initial.earnPerAmount} error={errors.earnPerAmount} />
      <TextField label={t('rewardCosts')} name="rewardPoints" type="number" min={0} defaultValue={initial.rewardPoints} error={errors.rewardPoints} hint={t('noRewardsHint')} />
      <TextField label={t('takesOff', { currency: initial.currency })} name="rewardValue" inputMode="decimal" defaultValue={initial.rewardValue} error={errors.rewardValue} />
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-4">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('saveLoyalty')}
        </Button>
        {state && 'ok' in state && <Alert tone="success">{state.ok}</Alert>}
        {state && 'error' in state && <Alert tone="error">{state.error}</Alert>}
      </div>
    </form>
  );
}
