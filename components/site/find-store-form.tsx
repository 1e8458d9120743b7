'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';

/** Takes a store address (slug) and goes to its sign-in page on its own subdomain. */
export function FindStoreForm() {
  const t = useTranslations('site');
  const [slug, setSlug] = useState('');
  const [error, setError] = useState<string>();
  return (
    <form
      className="mt-4 flex items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const clean = slug.trim().toLowerCase();
        if (!/^[a-z0-9-]{3,32}$/.test(clean)) {
          setError(t('enterStoreAddress'));
          return;
        }
        const { protocol, host } = window.location;
        window.location.assign(`${protocol}//${clean}.${host}/signin`);
      }}
    >
      <div className="flex-1">
        <TextField
          label={t('storeAddress')}
          name="store"
          placeholder="demo"
          autoCapitalize="none"
          autoCorrect="off"
          value={slug}
          onChange={(e) => setSlug(e.target.value)}
          error={error}
        />
      </div>
      <Button type="submit" variant="secondary">
        {t('go')}
      </Button>
    </form>
  );
}
