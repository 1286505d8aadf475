// Email address checks used on both sides: RFC 5322 addr-spec syntax as validator.js reads it,
// with internationalised domains (IDN) and UTF-8 local parts (RFC 6531) accepted.
import isEmail from 'validator/lib/isEmail.js';

export function normalizeEmail(raw: string): string {
  return raw.trim().normalize('NFC');
}

export function isValidEmail(raw: string): boolean {
  const address = normalizeEmail(raw);
  return (
    address.length <= 254 && isEmail(address, { allow_utf8_local_part: true, require_tld: true })
  );
}
