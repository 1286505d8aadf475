// Which links may leave Pli for the system browser or mail client (shell.openExternal):
// https pages and mailto addresses only, never file:, javascript:, custom schemes or
// credentials embedded in the URL.
export function isVettedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') return url.pathname.length > 0;
  return (
    url.protocol === 'https:' && url.username === '' && url.password === '' && url.hostname !== ''
  );
}

/** A test sign-in server on this machine (oauth2-mock-server): http, loopback address only. */
export function isLoopbackHttp(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}
