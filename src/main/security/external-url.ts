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
