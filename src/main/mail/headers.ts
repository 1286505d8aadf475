// The one gate every name, subject and address passes before it is assigned into an email.
// A CR or LF in a header value lets a crafted name add headers (a hidden Bcc, a new body), so
// such a value is refused where it is assigned, with a stable error code, never silently
// stripped: a name the user typed is either sent exactly as typed or not at all. Values that
// passed carry a brand, so compose only accepts what went through here.
import { domainToASCII } from 'node:url';
import { isOneLine, PliError } from '../../shared/contract';
import { isValidEmail, normalizeEmail } from '../../shared/email';

declare const safe: unique symbol;
/** A value checked by `headerText` or `headerAddress`: one line, no control character. */
export type HeaderValue = string & { readonly [safe]: true };

/** A display name or a subject, refused with MAIL_HEADER_UNSAFE when it is not one line. */
export function headerText(value: string, label: string): HeaderValue {
  if (!isOneLine(value)) {
    throw new PliError('MAIL_HEADER_UNSAFE', [
      `${label} : retour à la ligne ou caractère invisible, à retirer.`,
    ]);
  }
  return value as HeaderValue;
}

/** An address (addr-spec only, no display name), checked with the shared RFC 5322 rules. */
export function headerAddress(value: string, label: string): HeaderValue {
  // Checked before trimming: "x@y.fr\r\nBcc: …" is refused, not trimmed into something valid.
  const address = headerText(normalizeEmail(headerText(value, label)), label);
  if (!isValidEmail(address)) {
    throw new PliError('MAIL_ADDRESS_INVALID', [`${label} : « ${address} ».`]);
  }
  return address;
}

/** The addresses of a list, each checked; an empty list stays empty. */
export function headerAddresses(values: readonly string[], label: string): HeaderValue[] {
  return values.map((value) => headerAddress(value, label));
}

/** The domain of a checked address, as ASCII (punycode) for Message-IDs and header values. */
export function asciiDomain(address: HeaderValue): string {
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return domainToASCII(domain) || domain;
}

/** A checked address with its domain in ASCII, for headers nodemailer does not encode itself. */
export function asciiAddress(address: HeaderValue): HeaderValue {
  const local = address.slice(0, address.lastIndexOf('@'));
  return `${local}@${asciiDomain(address)}` as HeaderValue;
}
