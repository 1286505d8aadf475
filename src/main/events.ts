// In-process fan-out of contract events to whichever transports are attached (Electron
// windows, web host SSE clients). Payloads are parsed on emit so both transports carry the
// same validated shapes.
import { events, type EventMessage, type EventName, type EventPayload } from '../shared/contract';

export type EventListener = (message: EventMessage) => void;

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const message = { name, payload: events[name].parse(payload) } as EventMessage;
    for (const listener of this.listeners) listener(message);
  }
}
