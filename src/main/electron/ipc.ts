// Binds every contract channel to ipcMain.handle, refusing calls from any frame that is not
// Pli's own page, and forwards contract events to the windows.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
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

export function forwardEvents(events: EventBus, windows: () => BrowserWindow[]): () => void {
  return events.subscribe((message) => {
    for (const window of windows()) {
      if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, message);
    }
  });
}
