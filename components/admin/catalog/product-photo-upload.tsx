'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';

const TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_BYTES = 5 * 1024 * 1024;

/** The file's bytes as base64, read in the browser (the upload is a JSON body: docs/catalog.md › Photos). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * A product's photo: shows the current one and uploads a new file (JPEG, PNG or WebP, 5 MB at
 * most) to POST /api/v1/products/{id}/photo with an Idempotency-Key per chosen file, so a retried
 * upload is not done twice. The server resizes and stores it and answers the new photoUrl.
 */
export function ProductPhotoUpload({ productId, photoUrl, onUploaded, disabled }: { productId?: string; photoUrl: string; onUploaded: (url: string) => void; disabled?: boolean }) {
  const t = useTranslations('productEditor');
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null);

  const upload = async (file: File) => {
    if (!TYPES.includes(file.type)) return setMessage({ tone: 'error', text: t('photoWrongType') });
    if (file.size > MAX_BYTES) return setMessage({ tone: 'error', text: t('photoTooLarge') });
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch(`/api/v1/products/${productId}/photo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify({ contentType: file.type, data: await base64Of(file) }),
      });
      const body = (await res.json().catch(() => null)) as { photoUrl?: string; error?: { message?: string } } | null;
      if (!res.ok || !body?.photoUrl) return setMessage({ tone: 'error', text: body?.error?.message ?? t('photoFailed') });
      onUploaded(body.photoUrl);
      setMessage({ tone: 'ok', text: t('photoUploaded') });
    } catch {
      setMessage({ tone: 'error', text: t('photoFailed') });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="space-y-2">
      <p className="text-sm font-medium text-slate-900">{t('photo')}</p>
      <div className="flex flex-wrap items-center gap-4">
        {photoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- our own resized WebP (or the owner's URL): next/image would resize it again
          <img src={photoUrl} alt={t('photoAlt')} width={96} height={96} className="h-24 w-24 rounded-lg border border-slate-200 object-cover" data-testid="product-photo" />
        ) : (
          <div className="flex h-24 w-24 items-center justify-center rounded-lg border border-dashed border-slate-300 text-xs text-slate-500">{t('noPhoto')}</div>
        )}
        {productId ? (
          <label className={`inline-flex min-h-11 cursor-pointer items-center rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold focus-within:outline-2 focus-within:outline-brand-600 ${disabled || busy ? 'pointer-events-none opacity-60' : 'hover:bg-slate-50'}`}>
            {busy ? t('photoUploading') : t('photoChoose')}
            <input
              ref={input}
              type="file"
              accept={TYPES.join(',')}
              className="sr-only"
              disabled={disabled || busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void upload(file);
              }}
            />
          </label>
        ) : (
          <p className="text-sm text-slate-600">{t('photoAfterSave')}</p>
        )}
      </div>
      <p className="text-xs text-slate-500">{t('photoHint')}</p>
      {message && (
        <p role={message.tone === 'error' ? 'alert' : 'status'} className={`text-sm ${message.tone === 'error' ? 'text-red-700' : 'text-emerald-800'}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}
