import 'server-only';
export { appendEvents } from './outbox';
export { dispatchPending, onEvent, onEvents, startDispatcher, type BatchHandler, type Handler } from './dispatcher';
export type { DomainEvent, EventPayloads, EventType } from './types';
export { eventStream } from './stream';
export { outboxBacklog } from './backlog';
export { closeNats, consumeEvents, startNatsRelay, type EventConsumer, type EventMessage } from './nats';
export { eventsOfEntity, type EventEntity } from './history';
