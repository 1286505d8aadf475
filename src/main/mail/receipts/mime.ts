// Just enough MIME to read a report (RFC 6522 multipart/report): header blocks, the top-level
// parts and their bodies. mailparser folds message/delivery-status into the text, which loses
// the per-recipient blocks, so reports are split here. Anything it cannot read is "no report",
// never an exception: the mailbox holds whatever strangers send.
export type Fields = Map<string, string>;

/** An RFC 5322 header block (or a DSN/MDN field group): lower-cased names, unfolded values. */
export function parseFields(block: string): Fields {
  const fields: Fields = new Map();
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    // The first occurrence counts: a forged second one does not override it.
    if (!fields.has(name)) fields.set(name, line.slice(colon + 1).trim());
  }
  return fields;
}

export interface ContentType {
  type: string;
  params: Map<string, string>;
}

export function parseContentType(value: string | undefined): ContentType {
  const [type = '', ...rest] = (value ?? 'text/plain').split(';');
  const params = new Map<string, string>();
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq <= 0) continue;
    const name = param.slice(0, eq).trim().toLowerCase();
    params.set(
      name,
      param
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/s, '$1'),
    );
  }
  return { type: type.trim().toLowerCase(), params };
}

export interface Part {
  headers: Fields;
  contentType: ContentType;
  body: string;
}

function splitHead(raw: string): { head: string; body: string } {
  const match = /\r?\n\r?\n/.exec(raw);
  if (!match) return { head: raw, body: '' };
  return { head: raw.slice(0, match.index), body: raw.slice(match.index + match[0].length) };
}

function decode(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    default:
      return body;
  }
}

export function parsePart(raw: string): Part {
  const { head, body } = splitHead(raw);
  const headers = parseFields(head);
  return {
    headers,
    contentType: parseContentType(headers.get('content-type')),
    body: decode(body, headers.get('content-transfer-encoding')),
  };
}

/** The direct children of a multipart body; none when the boundary is missing. */
export function childParts(part: Part): Part[] {
  const boundary = part.contentType.params.get('boundary');
  if (!boundary || !part.contentType.type.startsWith('multipart/')) return [];
  const delimiter = `--${boundary}`;
  const chunks = part.body.split(delimiter);
  const parts: Part[] = [];
  // chunks[0] is the preamble; a chunk starting with "--" follows the closing delimiter.
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) break;
    parts.push(parsePart(chunk.replace(/^[ \t]*\r?\n/, '')));
  }
  return parts;
}
