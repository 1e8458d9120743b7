import { createServer, type IncomingHttpHeaders } from 'node:http';
import { expect, test } from '@playwright/test';
import { verifyWebhook } from '../lib/webhooks/verify';
import { WEBHOOK_RECEIVER_PORT } from './app-server';
import { browserFetch, DEMO, hydrated, signIn, tenantUrl } from './support';

// An owner adds a webhook endpoint (a real receiver on 127.0.0.1, allow-listed for the e2e server),
// copies the secret shown once, sends a test event, sends it again from the delivery log, and a
// real sale reaches the receiver signed with that secret.
type Received = { headers: IncomingHttpHeaders; body: string };

test('an owner adds a webhook, sees its secret once, tests it, redelivers, and a sale arrives signed', async ({ page }) => {
  test.setTimeout(120_000);
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(200).end('thanks');
    });
  });
  await new Promise<void>((resolve) => server.listen(WEBHOOK_RECEIVER_PORT, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${WEBHOOK_RECEIVER_PORT}/hooks/${Date.now().toString(36)}`;
  try {
    await signIn(page, DEMO.slug, DEMO.owner.email, DEMO.password);
    await expect(page).toHaveURL(tenantUrl(DEMO.slug, '/admin'));
    await page.goto(tenantUrl(DEMO.slug, '/admin/developers/webhooks'));
    await expect(page.getByRole('heading', { name: 'Webhooks', level: 1 })).toBeVisible();

    let secret = '';
    await test.step('add the endpoint: the secret is shown once', async () => {
      const form = page.getByRole('region', { name: 'Add an endpoint' });
      await hydrated(form.getByLabel('URL'));
      await form.getByLabel('URL').fill(url);
      await form.getByRole('checkbox', { name: /order\.placed/ }).check();
      await form.getByRole('checkbox', { name: /order\.paid/ }).check();
      await form.getByRole('button', { name: 'Add endpoint' }).click();
      secret = (await page.getByTestId('webhook-secret').textContent()) ?? '';
      expect(secret).toMatch(/^whsec_/);
      await page.reload();
      await expect(page.getByTestId('webhook-secret')).toHaveCount(0);
      await expect(page.getByText(secret)).toHaveCount(0);
    });

    const endpoint = page.getByTestId('webhook-endpoint').filter({ hasText: url });
    await test.step('send a test event: it arrives signed with the secret', async () => {
      await expect(endpoint).toContainText(secret.slice(0, 12));
      await hydrated(endpoint.getByRole('button', { name: 'Send test event' }));
      await endpoint.getByRole('button', { name: 'Send test event' }).click();
      await expect(endpoint.getByText(/Answered 200 in \d+ ms/)).toBeVisible();
      expect(received).toHaveLength(1);
      expect(JSON.parse(received[0]!.body)).toMatchObject({ type: 'webhook.test' });
      expect(verifyWebhook({ secret, header: received[0]!.headers['tillwise-signature'] as string, body: received[0]!.body }).ok).toBe(true);
    });

    await test.step('the delivery log shows it; "Send again" sends the same event id', async () => {
      await endpoint.getByRole('link', { name: 'Delivery log' }).click();
      const row = page.getByTestId('webhook-delivery').first();
      await expect(row).toContainText('webhook.test');
      await expect(row).toContainText('Delivered');
      await hydrated(row.getByRole('button', { name: 'Send again' }));
      await row.getByRole('button', { name: 'Send again' }).click();
      await expect(row.getByText(/Answered 200/)).toBeVisible();
      expect(received).toHaveLength(2);
      expect(received[1]!.headers['tillwise-event-id']).toBe(received[0]!.headers['tillwise-event-id']);
    });

    await test.step('a sale paid in cash reaches the receiver: order.placed and order.paid', async () => {
      const products = await browserFetch(page, '/api/v1/products?search=Samusa');
      const samusa = (products.body.data as { name: string; variants: { id: string }[] }[]).find((p) => p.name === 'Samusa')!;
      const placed = await browserFetch(page, '/api/v1/orders', { method: 'POST', json: { type: 'takeaway', lines: [{ variantId: samusa.variants[0]!.id, quantity: 1 }] } });
      expect(placed.status).toBe(201);
      const paid = await browserFetch(page, `/api/v1/orders/${placed.body.id}/payments`, { method: 'POST', json: { tender: 'cash', tendered: 100_000 } });
      expect(paid.status).toBe(201);
      const ofOrder = () => received.map((r) => JSON.parse(r.body)).filter((e) => e.data?.orderId === placed.body.id);
      await expect.poll(() => ofOrder().map((e) => e.type).sort()).toEqual(['order.paid', 'order.placed']);
      for (const r of received.slice(2)) expect(verifyWebhook({ secret, header: r.headers['tillwise-signature'] as string, body: r.body }).ok).toBe(true);
    });
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
