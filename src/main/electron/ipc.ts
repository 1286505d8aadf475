// Binds every contract channel to ipcMain.handle, refusing calls from any frame that is not
// Pli's own page, and forwards contract events to the windows.
import { ipcMain, webContents, type IpcMainInvokeEvent } from 'electron';
import { channelNames, EVENT_CHANNEL, wireError } from '../../shared/contract';
import { dispatch, type Handlers, type Logger } from '../api/dispatch';
import type { EventBus } from '../events';
import { isAppUrl } from './window-options';

function trusted(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

export function bindContract(handlers: Handlers, log: Logger): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!trusted(event)) return { ok: false, error: wireError('UNAUTHORIZED') };
      return dispatch(handlers, channel, input, log);
    });
  }
  return () => channelNames.forEach((channel) => ipcMain.removeHandler(channel));
}

/** Pushes every contract event to Pli's own pages (never to other web contents). */
export function forwardEvents(events: EventBus): () => void {
  return events.subscribe((message) => {
    for (const contents of webContents.getAllWebContents()) {
      if (!contents.isDestroyed() && isAppUrl(contents.getURL())) {
        contents.send(EVENT_CHANNEL, message);
      }
    }
  });
}
