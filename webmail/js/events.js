// New mail without reloading: the server's event stream (GET /api/events, server-sent events) turned
// into "mail" events on the shared bus. EventSource reconnects by itself after a network cut; when the
// server refuses the stream (session ended) it stops, and the next API call meets the 401.
import { emit } from './state.js';

let source = null;

/** Opens the stream (once). */
export function connectEvents() {
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource('/api/events');
  source.addEventListener('mail', (event) => {
    try {
      emit('mail', JSON.parse(event.data));
    } catch {
      // A malformed event is ignored; the next one refreshes the view anyway.
    }
  });
  source.addEventListener('open', () => emit('events-open', null));
}

/** Closes the stream (signing out). */
export function disconnectEvents() {
  source?.close();
  source = null;
}
