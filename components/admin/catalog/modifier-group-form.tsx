'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useFormAction, type FormAction } from '@/components/ui/use-form-action';
import { ConfirmDelete } from './confirm-delete';
import { emptyOption, type ModifierGroupDraft, type OptionDraft } from './drafts';
import { choiceRule } from './format';

export const NEW_GROUP: ModifierGroupDraft = { name: '', minSelect: '0', maxSelect: '1', options: [emptyOption('o0'), emptyOption('o1')] };

/** Create (no groupId) or edit a modifier group; options are rows of name + price change. */
export function ModifierGroupForm({
  groupId,
  initial,
  currency,
  onSaved,
  onCancel,
  saveModifierGroupAction,
}: {
  groupId?: string;
  initial: ModifierGroupDraft;
  currency: string;
  onSaved?: () => void;
  onCancel?: () => void;
  saveModifierGroupAction: FormAction;
}) {
  const t = useTranslations('admin.catalog.modifiers');
  const sr = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;
  const { state, pending, onSubmit } = useFormAction(saveModifierGroupAction, null);
  const [draft, setDraft] = useState(initial);
  const [focusId, setFocusId] = useState<string | null>(null);
  const nextKey = useRef(0);
  const formRef = useRef<HTMLFormElement>(null);
  const fe = state?.fieldErrors ?? {};
  const prefix = groupId ?? 'new';

  useEffect(() => {
    if (!state) return;
    if (state.ok) {
      if (groupId) onSaved?.();
      else setDraft(NEW_GROUP);
    } else {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
    // onSaved is a fresh closure each render; only a new result matters here.
  }, [state]);
  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const setOption = (key: string, patch: Partial<OptionDraft>) =>
    setDraft((d) => ({ ...d, options: d.options.map((o) => (o.key === key ? { ...o, ...patch } : o)) }));
  const addOption = () => {
    const key = `o-new-${++nextKey.current}`;
    setDraft((d) => ({ ...d, options: [...d.options, emptyOption(key)] }));
    setFocusId(`${prefix}-option-${key}-name`);
  };
  const removeOption = (key: string) => {
    setDraft((d) => ({ ...d, options: d.options.filter((o) => o.key !== key) }));
    setFocusId(`${prefix}-add-option`);
  };

  const min = Number(draft.minSelect);
  const max = Number(draft.maxSelect);
  const rule = /^\d+$/.test(draft.minSelect) && /^\d+$/.test(draft.maxSelect) && max >= 1 && max >= min ? choiceRule(min, max, t) : null;

  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4" noValidate onKeyDown={(e) => e.key === 'Escape' && onCancel?.()}>
      {groupId && <input type="hidden" name="id" value={groupId} />}
      <input type="hidden" name="payload" value={JSON.stringify(draft)} />
      {state?.error && <Alert tone="error">{state.error}</Alert>}
      {state?.ok && !groupId && <Alert tone="success">{state.ok}</Alert>}

      <div className="grid gap-4 sm:grid-cols-[1fr_8rem_8rem]">
        <TextField
          id={`${prefix}-group-name`}
          label={t('name')}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          placeholder={t('namePlaceholder')}
          maxLength={60}
          required
          error={fe.name}
        />
        <TextField
          label={t('atLeast')}
          inputMode="numeric"
          value={draft.minSelect}
          onChange={(e) => setDraft({ ...draft, minSelect: e.target.value })}
          error={fe.minSelect}
        />
        <TextField
          label={t('atMost')}
          inputMode="numeric"
          value={draft.maxSelect}
          onChange={(e) => setDraft({ ...draft, maxSelect: e.target.value })}
          error={fe.maxSelect}
        />
      </div>
      <p className="text-sm text-slate-600">
        {rule && <strong className="font-semibold text-slate-800">{t('ruleSentence', { rule })}</strong>}
        {t('requiredHint')}
      </p>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-700">{t('options')}</legend>
        {fe.options && <p className="text-sm text-red-700">{fe.options}</p>}
        <ol className="space-y-3">
          {draft.options.map((o, i) => (
            <li key={o.key} className="grid items-start gap-3 sm:grid-cols-[1fr_10rem_auto]">
              <TextField
                id={`${prefix}-option-${o.key}-name`}
                label={t('option', { n: i + 1 })}
                value={o.name}
                onChange={(e) => setOption(o.key, { name: e.target.value })}
                maxLength={60}
                error={fe[`options.${i}.name`]}
              />
              <TextField
                label={t('priceChange', { currency })}
                value={o.priceDelta}
                onChange={(e) => setOption(o.key, { priceDelta: e.target.value })}
                inputMode="decimal"
                placeholder="0"
                error={fe[`options.${i}.priceDelta`]}
              />
              <div className="sm:pt-6">
                <Button variant="ghost" onClick={() => removeOption(o.key)} disabled={draft.options.length <= 1}>
                  {t.rich('removeOption', { n: i + 1, sr })}
                </Button>
              </div>
            </li>
          ))}
        </ol>
        <p className="text-sm text-slate-500">{t('negativeHint')}</p>
        <Button id={`${prefix}-add-option`} variant="secondary" onClick={addOption} disabled={draft.options.length >= 50}>
          {t('addOption')}
        </Button>
      </fieldset>

      <div className="flex gap-2 border-t border-slate-200 pt-4">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : groupId ? t('save') : t('add')}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t('cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}

export type ModifierGroupCard = {
  id: string;
  name: string;
  rule: string;
  options: { id: string; name: string; delta: string }[];
  draft: ModifierGroupDraft;
};

/** A group as shown in the list, with Edit (the form in place) and Delete. */
export function ModifierGroupItem({
  group,
  currency,
  canWrite,
  saveModifierGroupAction,
  deleteModifierGroupAction,
}: {
  group: ModifierGroupCard;
  currency: string;
  canWrite: boolean;
  saveModifierGroupAction: FormAction;
  deleteModifierGroupAction: FormAction;
}) {
  const t = useTranslations('admin.catalog.modifiers');
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (editing) document.getElementById(`${group.id}-group-name`)?.focus();
    else if (wasEditing.current) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing, group.id]);

  return (
    <li className="space-y-3 px-4 py-4" data-testid="modifier-group">
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1">
          <h3 className="font-semibold">{group.name}</h3>
          <p className="text-sm text-slate-500">{group.rule}</p>
        </div>
        {canWrite && !editing && (
          <>
            <button
              ref={editButton}
              type="button"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
              className="min-h-11 rounded-lg px-3 text-sm font-semibold text-brand-700 ring-1 ring-slate-200 hover:bg-slate-50"
            >
              {t.rich('edit', { name: group.name, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
            </button>
            <ConfirmDelete
              action={deleteModifierGroupAction}
              id={group.id}
              name={group.name}
              consequence={t('deleteConsequence')}
            />
          </>
        )}
      </div>
      {saved && !editing && (
        <p role="status" className="text-sm text-brand-700">
          {t('saved')}
        </p>
      )}
      {editing ? (
        <div className="rounded-lg bg-slate-50 p-4">
          <ModifierGroupForm
            groupId={group.id}
            initial={group.draft}
            currency={currency}
            onSaved={() => {
              setSaved(true);
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
            saveModifierGroupAction={saveModifierGroupAction}
          />
        </div>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label={t('optionsOf', { name: group.name })}>
          {group.options.map((o) => (
            <li key={o.id} className="rounded-full bg-slate-100 px-3 py-1 text-sm">
              {o.name}
              {o.delta && <span className="ml-1 text-slate-500 tabular-nums">{o.delta}</span>}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
