import 'server-only';
export { appendEvents } from './outbox';
export { dispatchPending, onEvent, onEvents, startDispatcher, type BatchHandler, type Handler } from './dispatcher';
export type { DomainEvent, EventPayloads, EventType } from './types';
export { eventStream } from './stream';
export { eventsOfEntity, type EventEntity } from './history';
