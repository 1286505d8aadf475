// The argument vectors handed to Thunderbird and Outlook, checked exactly for names with
// quotes, commas, apostrophes and accents and for several files, and read back the way each
// program reads them: Thunderbird splits its -compose string at commas and percent-decodes
// unquoted values, then splits the attachment list at commas; mailto: is RFC 6068.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  fileUrl,
  mailtoUrl,
  outlookArgs,
  thunderbirdArgs,
  type DraftFields,
} from '../../../../src/main/mail/handover/args';
import { readCompose } from '../../../fixtures/fake-program';

const fields: DraftFields = {
  to: ['jeanne.darc@exemple.fr', 'pierre@exemple.fr'],
  bcc: [],
  subject: 'Facture LT-2026-000123 – Famille d\'Arc, "Jeanne"',
  body: "Madame,\nVoici la facture de Jeanne d'Arc.",
  files: ['/tmp/remises/LT-2026-000123.pdf', "/tmp/remises/Relevé d'août, n°3.pdf"],
};

describe('Thunderbird -compose', () => {
  it('encodes every value so that no quote, comma or apostrophe ends a field', () => {
    expect(thunderbirdArgs(fields, false)).toEqual([
      '-compose',
      'to=jeanne.darc%40exemple.fr%2Cpierre%40exemple.fr,' +
        'subject=Facture%20LT-2026-000123%20%E2%80%93%20Famille%20d%27Arc%2C%20%22Jeanne%22,' +
        'body=Madame%2C%0AVoici%20la%20facture%20de%20Jeanne%20d%27Arc.,' +
        'attachment=file%3A%2F%2F%2Ftmp%2Fremises%2FLT-2026-000123.pdf%2C' +
        'file%3A%2F%2F%2Ftmp%2Fremises%2FRelev%25C3%25A9%2520d%2527ao%25C3%25BBt%252C%2520n%25C2%25B03.pdf',
    ]);
  });

  it('reads back as the same recipients, subject, text and files', () => {
    const [, compose] = thunderbirdArgs({ ...fields, bcc: ['copie@les-tilleuls.example'] }, false);
    const read = readCompose(compose!);
    expect(read.to).toBe('jeanne.darc@exemple.fr,pierre@exemple.fr');
    expect(read.bcc).toBe('copie@les-tilleuls.example');
    expect(read.subject).toBe(fields.subject);
    expect(read.body).toBe(fields.body);
    expect(read.attachment!.split(',').map((url) => fileURLToPath(url))).toEqual(fields.files);
  });

  it('writes Windows paths as file:/// URLs with the drive letter', () => {
    expect(fileUrl("C:\\Users\\Hélène\\Relevé d'août, n°3.pdf", true)).toBe(
      'file:///C:/Users/H%C3%A9l%C3%A8ne/Relev%C3%A9%20d%27ao%C3%BBt%2C%20n%C2%B03.pdf',
    );
  });
});

describe('Outlook', () => {
  const one = { ...fields, files: ["C:\\Pli\\remises\\Relevé d'août, n°3.pdf"] };

  it('opens one file through its mailto handler switches', () => {
    expect(outlookArgs(one, false, 'C:\\Pli\\remises\\message.eml')).toEqual({
      way: 'compose',
      args: [
        '/c',
        'ipm.note',
        '/m',
        'mailto:jeanne.darc@exemple.fr,pierre@exemple.fr' +
          '?subject=Facture%20LT-2026-000123%20%E2%80%93%20Famille%20d%27Arc%2C%20%22Jeanne%22' +
          '&body=Madame%2C%0D%0AVoici%20la%20facture%20de%20Jeanne%20d%27Arc.',
        '/a',
        "C:\\Pli\\remises\\Relevé d'août, n°3.pdf",
      ],
    });
  });

  it('opens the .eml draft for several files, a Bcc copy or a receipt request', () => {
    const eml = { way: 'eml', args: ['/eml', '/tmp/remises/message.eml'] };
    expect(outlookArgs(fields, false, '/tmp/remises/message.eml')).toEqual(eml);
    expect(outlookArgs(one, true, '/tmp/remises/message.eml')).toEqual(eml);
    expect(
      outlookArgs({ ...one, bcc: ['c@x.example'] }, false, '/tmp/remises/message.eml'),
    ).toEqual(eml);
  });
});

describe('mailto: (RFC 6068)', () => {
  it('keeps every character, accents as UTF-8 and line breaks as CRLF', () => {
    const url = new URL(mailtoUrl({ ...fields, bcc: ['copie@x.example'] }));
    expect(decodeURIComponent(url.pathname)).toBe('jeanne.darc@exemple.fr,pierre@exemple.fr');
    expect(url.searchParams.get('subject')).toBe(fields.subject);
    expect(url.searchParams.get('body')).toBe(fields.body.replace('\n', '\r\n'));
    expect(url.searchParams.get('bcc')).toBe('copie@x.example');
  });
});
