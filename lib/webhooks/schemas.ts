import { z } from 'zod';
import { patchSchema } from '@/lib/platform/validation';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './event-types';

const eventTypes = z
  .array(z.enum(WEBHOOK_EVENT_TYPES as [WebhookEventType, ...WebhookEventType[]], { message: 'Unknown event type' }))
  .min(1, 'Choose at least one event')
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((types) => [...new Set(types)].sort());

/** A new endpoint: where to send (http or https; checked against the SSRF rules too) and which events. */
export const webhookEndpointInputSchema = z.object({
  url: z.url({ protocol: /^https?$/, message: 'Enter an http:// or https:// URL' }).max(2000, 'At most 2000 characters'),
  eventTypes,
  description: z.string().trim().max(200, 'At most 200 characters').nullable().default(null),
});
export type WebhookEndpointInput = z.output<typeof webhookEndpointInputSchema>;

/** A change: any of the fields, or turning it on or off. */
export const webhookEndpointPatchSchema = patchSchema(webhookEndpointInputSchema.extend({ enabled: z.boolean() }));
export type WebhookEndpointPatch = z.output<typeof webhookEndpointPatchSchema>;

export const deliveryListQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(25) });
