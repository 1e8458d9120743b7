import 'server-only';
/**
 * Signed webhooks (docs/api.md › Webhooks): endpoints per business, deliveries made from the outbox
 * (importing this module registers the handler), sent and retried by the worker behind the SSRF
 * guard (docs/security.md › Webhooks and SSRF).
 */
export * from './schemas';
export { WEBHOOK_EVENTS, WEBHOOK_EVENT_TYPES, TEST_EVENT, envelopeOf, publicNameOf, type WebhookEnvelope, type WebhookEventType } from './event-types';
export { countEndpointsTurnedOff, createEndpoint, deleteEndpoint, getEndpoint, listEndpoints, rotateSecret, updateEndpoint, ROTATION_OVERLAP_MS, type WebhookEndpointView } from './endpoints';
export { deliverDue, deliveriesOf, enqueueDeliveries, redeliver, retryDelayMs, sendTestEvent, signedHeaders, RETRY_WINDOW_MS, type AttemptView, type DeliveryView, type ManualAttempt } from './deliveries';
export { startWebhookWorker } from './worker';
export { verifyWebhook, signPayload, type VerifyResult } from './verify';
export { blockedRange, resolveTarget, RefusedTarget, type Resolver } from './ssrf';
