'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useFormats } from '@/components/ui/formats';
import type { Formats } from '@/lib/platform/formats';
import type { ImportPreview } from '@/lib/catalog';
import { CsvPreview } from './csv-preview';

type CsvError = { line: number; column?: string; message: string };
type Outcome =
  | { ok: true; created: number; updated: number; unchanged: number; categoriesCreated: string[] }
  | { ok: false; errors: CsvError[]; errorCount: number };
type Line =
  | { type: 'progress'; phase: 'validating' | 'importing'; done: number; total: number }
  | ({ type: 'result' } & Outcome)
  | { type: 'error'; message: string };

type Run =
  | { stage: 'idle' }
  | { stage: 'previewing'; fileName: string }
  | { stage: 'previewed'; fileName: string; text: string; preview: ImportPreview }
  | { stage: 'sending'; fileName: string }
  | { stage: 'validating' | 'importing'; fileName: string; done: number; total: number }
  | { stage: 'done'; fileName: string; outcome: Outcome }
  | { stage: 'failed'; message: string; retry?: { fileName: string; text: string } };

/** The proxy in front of the app accepts bodies up to 10 MB; a 50,000-row file fits well below. */
const MAX_BYTES = 10 * 1024 * 1024;
const SHOWN_ERRORS = 500;

const fileSize = (bytes: number, f: Formats) =>
  bytes < 1024 ? `${f.number(bytes)} B` : bytes < 1024 * 1024 ? `${f.number(Math.round(bytes / 1024))} KB` : `${f.number(Number((bytes / 1024 / 1024).toFixed(1)))} MB`;

type T = ReturnType<typeof useTranslations<'admin.csvImport'>>;

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A refused request in words; any other refusal shows the API's own message (English, as /api/v1 answers). */
function failure(t: T, status: number, body: { error?: { message?: string } } | null): string {
  return status === 401
    ? t('sessionEnded')
    : status === 403
      ? t('forbidden')
      : status === 413
        ? t('tooLargeToSend')
        : (body?.error?.message ?? t('failedHttp', { status }));
}

/**
 * Reads a CSV file in the browser and previews it (what would be created, changed and left
 * alone, or every error); once the owner confirms, posts it to the import API with the
 * preview's version, asking for a streamed answer (one JSON line per progress step, then the
 * outcome). If the catalog changed in between the import refuses and the page offers a new
 * preview. Only the first 500 errors are ever rendered, so a 10,000-row file with problems
 * stays light.
 */
export function CsvImport({ columns, exampleRows, currency }: { columns: string[]; exampleRows: string[][]; currency: string }) {
  const t = useTranslations('admin.csvImport');
  const f = useFormats();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [run, setRun] = useState<Run>({ stage: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const inputId = useId();
  const busy = run.stage === 'previewing' || run.stage === 'sending' || run.stage === 'validating' || run.stage === 'importing';

  const template = useMemo(() => {
    const csv = [columns, ...exampleRows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
    return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
  }, [columns, exampleRows]);

  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => {
    if (run.stage === 'done' || run.stage === 'failed' || run.stage === 'previewed') resultHeading.current?.focus();
  }, [run.stage]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setFileError(t('chooseFile'));
      return;
    }
    if (file.size > MAX_BYTES) {
      setFileError(t('tooLarge'));
      return;
    }
    setFileError(null);
    const text = await file.text();
    if (!text.trim()) {
      setFileError(t('empty'));
      return;
    }
    await previewFile(file.name, text);
  }

  async function previewFile(fileName: string, text: string) {
    setRun({ stage: 'previewing', fileName });
    const controller = new AbortController();
    abort.current = controller;
    try {
      const res = await fetch('/api/v1/products/import/preview', {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: text,
        signal: controller.signal,
      });
      const body = (await res.json().catch(() => null)) as (({ ok: true } & ImportPreview) | Extract<Outcome, { ok: false }> | { error?: { message?: string } }) | null;
      if (res.status === 422 && body && 'ok' in body && !body.ok) setRun({ stage: 'done', fileName, outcome: body });
      else if (res.ok && body && 'ok' in body && body.ok) setRun({ stage: 'previewed', fileName, text, preview: body });
      else setRun({ stage: 'failed', message: failure(t, res.status, body as { error?: { message?: string } } | null) });
    } catch {
      if (!controller.signal.aborted) setRun({ stage: 'failed', message: t('unreachable') });
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  }

  async function importFile(fileName: string, text: string, version: string) {
    setRun({ stage: 'sending', fileName });
    const controller = new AbortController();
    abort.current = controller;
    try {
      const res = await fetch(`/api/v1/products/import?expect=${encodeURIComponent(version)}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', accept: 'application/x-ndjson' },
        body: text,
        signal: controller.signal,
      });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setRun({ stage: 'failed', message: failure(t, res.status, body), ...(res.status === 409 && { retry: { fileName, text } }) });
        return;
      }
      let finished = false;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (value) buffer += value;
        const lines = buffer.split('\n');
        buffer = done ? '' : (lines.pop() ?? '');
        for (const raw of lines) {
          if (!raw.trim()) continue;
          const line = JSON.parse(raw) as Line;
          if (line.type === 'progress') setRun({ stage: line.phase, fileName, done: line.done, total: line.total });
          else if (line.type === 'result') {
            finished = true;
            const { type: _type, ...outcome } = line;
            setRun({ stage: 'done', fileName, outcome: outcome as Outcome });
          } else {
            finished = true;
            // A refusal mid-stream (the catalog changed since the preview, or another error): a new preview is the way on.
            setRun({ stage: 'failed', message: line.message, retry: { fileName, text } });
          }
        }
        if (done) break;
      }
      if (!finished) setRun({ stage: 'failed', message: t('connectionEnded') });
    } catch (err) {
      if (controller.signal.aborted) return;
      setRun({
        stage: 'failed',
        message: err instanceof SyntaxError ? t('badAnswer') : t('unreachable'),
      });
    } finally {
      if (abort.current === controller) abort.current = null;
    }
  }

  return (
    <div className="space-y-5">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <div className="space-y-1">
          <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
            {t('csvFile')}
          </label>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            disabled={busy}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={`${inputId}-message`}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFileError(null);
              if (!busy) setRun({ stage: 'idle' });
            }}
            className="block w-full rounded-lg border border-slate-300 bg-white text-sm text-slate-700 file:mr-4 file:min-h-11 file:border-0 file:bg-slate-100 file:px-4 file:font-semibold file:text-slate-900 hover:file:bg-slate-200 aria-[invalid=true]:border-red-500"
          />
          <p id={`${inputId}-message`} className={`text-sm ${fileError ? 'text-red-700' : 'text-slate-500'}`}>
            {fileError ??
              (file
                ? `${file.name} · ${fileSize(file.size, f)}`
                : t('fileHint'))}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={busy}>
            {run.stage === 'previewing' ? t('checkingFile') : busy ? t('importing') : t('preview')}
          </Button>
          <a href={template} download="tillwise-products-template.csv" className="text-sm font-semibold text-brand-700 underline">
            {t('template')}
          </a>
        </div>
      </form>

      {busy && <Progress run={run} />}

      {run.stage === 'previewed' && (
        <section aria-labelledby="import-preview" className="space-y-4">
          <h3 id="import-preview" ref={resultHeading} tabIndex={-1} className="font-semibold outline-none">
            {t('whatItWillDo', { file: run.fileName })}
          </h3>
          <p className="text-sm text-slate-700">{t('nothingSavedYet')}</p>
          <CsvPreview preview={run.preview} currency={currency} />
          <div className="flex flex-wrap gap-3">
            {run.preview.create.length + run.preview.change.length > 0 ? (
              <Button type="button" onClick={() => importFile(run.fileName, run.text, run.preview.version)}>
                {t('importChanges')}
              </Button>
            ) : (
              <p className="text-sm font-medium text-slate-700">{t('nothingToImport')}</p>
            )}
            <Button type="button" variant="secondary" onClick={() => setRun({ stage: 'idle' })}>
              {t('cancel')}
            </Button>
          </div>
        </section>
      )}

      {run.stage === 'failed' && (
        <div className="space-y-2">
          <h3 ref={resultHeading} tabIndex={-1} className="font-semibold outline-none">
            {t('didNotRun')}
          </h3>
          <Alert tone="error">{run.message}</Alert>
          {run.retry && (
            <Button type="button" variant="secondary" onClick={() => previewFile(run.retry!.fileName, run.retry!.text)}>
              {t('previewAgain')}
            </Button>
          )}
        </div>
      )}

      {run.stage === 'done' && run.outcome.ok && (
        <section aria-labelledby="import-result" className="space-y-3 rounded-lg border border-brand-100 bg-brand-50 p-4 text-brand-900">
          <h3 id="import-result" ref={resultHeading} tabIndex={-1} className="font-semibold outline-none">
            {t('imported', { file: run.fileName })}
          </h3>
          <dl className="grid grid-cols-2 gap-4 text-sm sm:grid-cols-4">
            <div>
              <dt>{t('created')}</dt>
              <dd className="text-2xl font-bold tabular-nums">{f.number(run.outcome.created)}</dd>
            </div>
            <div>
              <dt>{t('updated')}</dt>
              <dd className="text-2xl font-bold tabular-nums">{f.number(run.outcome.updated)}</dd>
            </div>
            <div>
              <dt>{t('leftAlone')}</dt>
              <dd className="text-2xl font-bold tabular-nums">{f.number(run.outcome.unchanged)}</dd>
            </div>
            <div>
              <dt>{t('categoriesCreated')}</dt>
              <dd className="text-2xl font-bold tabular-nums">{f.number(run.outcome.categoriesCreated.length)}</dd>
            </div>
          </dl>
          {run.outcome.categoriesCreated.length > 0 && (
            <p className="text-sm">{t('newCategories', { names: run.outcome.categoriesCreated.join(', ') })}</p>
          )}
          <p className="text-sm">
            <Link href="/admin/catalog" className="font-semibold underline">
              {t('seeProducts')}
            </Link>
          </p>
        </section>
      )}

      {run.stage === 'done' && !run.outcome.ok && (
        <section aria-labelledby="import-errors" className="space-y-3">
          <h3 id="import-errors" ref={resultHeading} tabIndex={-1} className="font-semibold text-red-800 outline-none">
            {t('errorsHeading', { count: run.outcome.errorCount, file: run.fileName })}
          </h3>
          <p className="text-sm text-slate-700">
            {t('errorsHint')}
            {run.outcome.errorCount > Math.min(run.outcome.errors.length, SHOWN_ERRORS) &&
              ` ${t('errorsFirst', { shown: Math.min(run.outcome.errors.length, SHOWN_ERRORS), total: run.outcome.errorCount })}`}
          </p>
          <div className="max-h-[28rem] overflow-auto rounded-xl border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t('errorsCaption')}</caption>
              <thead className="sticky top-0 bg-slate-50 text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-2">{t('line')}</th>
                  <th scope="col" className="px-4 py-2">{t('column')}</th>
                  <th scope="col" className="px-4 py-2">{t('problem')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {run.outcome.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                  <tr key={i} data-testid="import-error">
                    <td className="px-4 py-2 align-top tabular-nums">{f.number(e.line)}</td>
                    <td className="px-4 py-2 align-top font-mono text-xs">{e.column ?? '—'}</td>
                    <td className="px-4 py-2 align-top">{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}

function Progress({ run }: { run: Run }) {
  const id = useId();
  const t = useTranslations('admin.csvImport');
  const f = useFormats();
  const counting = run.stage === 'validating' || run.stage === 'importing';
  const label = run.stage === 'validating' ? t('phaseValidating') : run.stage === 'importing' ? t('phaseImporting') : run.stage === 'previewing' ? t('phasePreviewing') : t('phaseSending');
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      {/* Screen readers hear the phase once, not every count. */}
      <p role="status" className="sr-only">
        {label}…
      </p>
      <label htmlFor={id} className="flex justify-between text-sm font-medium text-slate-700">
        <span>{label}…</span>
        {counting && (
          <span className="tabular-nums text-slate-500">
            {t('progress', { done: f.number(run.done), total: f.number(run.total) })}
          </span>
        )}
      </label>
      {counting ? (
        <progress id={id} value={run.done} max={Math.max(run.total, 1)} className="h-3 w-full accent-brand-600" />
      ) : (
        <progress id={id} className="h-3 w-full accent-brand-600" />
      )}
      <p className="text-xs text-slate-500">
        {run.stage === 'importing' ? t('oneStep') : t('checkedFirst')}
      </p>
    </div>
  );
}
