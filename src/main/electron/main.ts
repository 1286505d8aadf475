// Electron's main process: the thin shell around the same context and handlers the web host
// uses. Everything Electron-specific about security lives here and in window-options.ts.
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHandlers } from '../api';
import { createAppContext, stopAppContext, type AppContext } from '../context';
import { isLoopbackHttp, isVettedExternalUrl } from '../security/external-url';
import { bindContract, forwardEvents } from './ipc';
import { createElectronPrefs } from './prefs-store';
import { registerSchemePrivileges, serveRenderer } from './protocol';
import { APP_ENTRY, isAppUrl, mainWindowOptions } from './window-options';

const here = path.dirname(fileURLToPath(import.meta.url));
const log = (message: string, error?: unknown) => console.error(`Pli: ${message}`, error ?? '');

if (process.env.PLI_DATA_DIR?.trim())
  app.setPath('userData', path.resolve(process.env.PLI_DATA_DIR));
app.enableSandbox();
registerSchemePrivileges();

function lockDown(): void {
  // No camera, microphone, notifications, geolocation…: Pli needs none of them.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isVettedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(path.join(here, 'preload.cjs')));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY);
  return window;
}

let context: AppContext | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  void app.whenReady().then(() => {
    lockDown();
    serveRenderer(path.resolve(here, '../renderer'));
    const dataDir = app.getPath('userData');
    context = createAppContext({
      runtime: 'electron',
      dataDir,
      prefs: createElectronPrefs(),
      // Only files the api resolved inside the invoices folder beside the database reach here.
      openFile: async (file) => {
        const failure = await shell.openPath(file);
        if (failure) throw new Error(failure);
      },
      // The path still goes through prefs:save's check before it is kept.
      chooseProgram: async (title) => {
        const options = {
          title,
          properties: ['openFile' as const],
          filters:
            process.platform === 'win32' ? [{ name: 'Programmes', extensions: ['exe'] }] : [],
        };
        const window = BrowserWindow.getFocusedWindow();
        const chosen = window
          ? await dialog.showOpenDialog(window, options)
          : await dialog.showOpenDialog(options);
        return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
      },
      // Only the sign-in page the api built from the settings' endpoints (https, or a test
      // server on this machine's loopback) reaches here.
      openExternal: async (url) => {
        if (!isVettedExternalUrl(url) && !isLoopbackHttp(url)) throw new Error('URL refusée');
        await shell.openExternal(url);
      },
    });
    bindContract(createHandlers(context), log);
    forwardEvents(context.events);
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
  app.on('window-all-closed', () => app.quit());
  let stopping = false;
  app.on('will-quit', (event) => {
    if (!context || stopping) return;
    // The send queue records the message it is sending before the file closes (bounded wait).
    stopping = true;
    event.preventDefault();
    const closing = context;
    void stopAppContext(closing).finally(() => app.exit(0));
  });
}
