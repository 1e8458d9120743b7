import { and, eq } from 'drizzle-orm';
import type { NextRequest } from 'next/server';
import { createTranslator } from 'next-intl';
import { createElement } from 'react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditEvents } from '@/db/schema/platform';
import { MESSAGES } from '@/lib/platform/i18n';
import en from '@/messages/en.json';
import my from '@/messages/my.json';
import { withTenant } from '@/lib/platform/db';
import { apiRequest, createTenant, type TestStaff, type TestTenant } from '../helpers';
import { renderStrict } from '../i18n/render-strict';

/**
 * Admin → Staff › "Registers lost or stolen?" (rotateOfflinePinsAction): the server action behind the
 * button voids every register's offline PIN verifiers as POST /api/v1/register/pin-verifiers/rotate
 * does — for staff managers of the host's business only, with the box ticked, audited
 * `offline_pins.rotated` — and the section saying what it does, in both languages. The action reads its request through next/headers: here, the request a
 * route handler would get for the same person.
 */
let request: NextRequest;
vi.mock('next/headers', () => ({ headers: async () => request.headers, cookies: async () => request.cookies }));
vi.mock('next/cache', () => ({ refresh: () => {} }));
vi.mock('next-intl/server', () => ({ getTranslations: async (namespace: string) => createTranslator({ locale: 'en', messages: MESSAGES.en, namespace: namespace as never }) }));

const { rotateOfflinePinsAction } = await import('@/app/t/[tenant]/admin/staff/actions');
const { StaffLostRegister } = await import('@/components/admin/staff-lost-register');

let t: TestTenant;
let other: TestTenant;

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const rotateAs = async (as: TestStaff | undefined, fields: Record<string, string> = { confirm: 'yes' }, host = t.tenant) => {
  request = await apiRequest('POST', '/admin/staff', { host, as });
  return rotateOfflinePinsAction(null, form(fields));
};
const rotations = (tenantId = t.tenant.id) =>
  withTenant(tenantId, (tx) => tx.select().from(auditEvents).where(and(eq(auditEvents.action, 'offline_pins.rotated'), eq(auditEvents.entityId, tenantId))));

beforeAll(async () => {
  t = await createTenant();
  other = await createTenant();
});

describe('the admin’s "void offline PINs on every register"', () => {
  let before: number;
  beforeEach(async () => {
    before = (await rotations()).length;
  });

  it('is refused to a cashier, and to someone signed in to another business, with nothing rotated', async () => {
    expect(await rotateAs(t.cashier)).toEqual({ error: expect.stringMatching(/role/i) });
    expect((await rotateAs(other.owner))?.error).toBeTruthy();
    expect(await rotateAs(undefined)).toMatchObject({ error: expect.any(String) });
    expect((await rotations()).length).toBe(before);
  });

  it('asks for the box to be ticked first', async () => {
    const state = await rotateAs(t.manager, {});
    expect(state?.fieldErrors?.confirm).toBeTruthy();
    expect((await rotations()).length).toBe(before);
  });

  it('rotates for a manager and an owner, each time audited with the key epoch before and after', async () => {
    expect(await rotateAs(t.manager)).toEqual({ ok: en.admin.staff.lostRegister.done });
    expect(await rotateAs(t.owner)).toEqual({ ok: en.admin.staff.lostRegister.done });
    const rows = (await rotations()).slice(before);
    expect(rows.map((r) => [r.actorUserId, r.before, r.after])).toEqual([
      [t.manager.id, { epoch: 0 }, { epoch: 1 }],
      [t.owner.id, { epoch: 1 }, { epoch: 2 }],
    ]);
    expect((await rotations(other.tenant.id)).length).toBe(0);
  });
});

describe('the "Registers lost or stolen?" section', () => {
  const noAction = async () => null;
  it('says what voiding does and does not, with a labelled box to tick and the button, in English and Burmese', () => {
    const html = renderStrict('en', createElement(StaffLostRegister, { rotateAction: noAction }));
    const words = en.admin.staff.lostRegister;
    for (const w of [words.title, words.void]) expect(html).toContain(w);
    expect(html).toMatch(/must be online once/);
    expect(html).toMatch(/stay valid/);
    expect(html).toMatch(/changes nobody&#x27;s PIN/);
    const box = html.match(/<input id="([^"]+)" type="checkbox"[^>]*name="confirm" value="yes"/);
    expect(box).not.toBeNull();
    expect(html).toContain(`<label for="${box![1]}"`);
    const burmese = renderStrict('my', createElement(StaffLostRegister, { rotateAction: noAction }));
    expect(burmese).toContain(my.admin.staff.lostRegister.title);
    expect(burmese).not.toContain(words.title);
  });
});
