// The preload: exposes `window.pli` (invoke a contract channel, subscribe to contract events)
// and nothing else. Channel and event names are checked here too, so the renderer cannot
// reach any other IPC message.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isChannel } from '../../shared/contract/channels';
import { isEventName, type EventMessage } from '../../shared/contract/events';
import { EVENT_CHANNEL, type PliBridge } from '../../shared/contract/bridge';
import type { Result } from '../../shared/contract/result';

const bridge: PliBridge = {
  runtime: 'electron',
  invoke(channel, input) {
    if (!isChannel(channel)) return Promise.reject(new Error(`unknown channel ${channel}`));
    return ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>;
  },
  subscribe(listener) {
    const forward = (_event: IpcRendererEvent, message: unknown) => {
      if (isEventName((message as Partial<EventMessage> | null)?.name)) {
        listener(message as EventMessage);
      }
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => ipcRenderer.off(EVENT_CHANNEL, forward);
  },
};

contextBridge.exposeInMainWorld('pli', bridge);
