// The background check takes turns across workstations through the shared cursor: not while
// reading is off, at once the first time, not while any workstation checked recently.
import { expect, it } from 'vitest';
import { checkDue, RECEIPT_POLL_MS } from '../../../../src/main/mail/receipts/poller';
import { advanceCursor, saveReceiptSettings } from '../../../../src/main/mail/receipts/settings';
import { DEFAULT_RECEIPT_SETTINGS } from '../../../../src/shared/contract';
import { actor, seededDatabase } from '../../../fixtures/db';
import { tempDir } from '../../../helpers';

it('is due when reading is on and no workstation checked within most of a period', () => {
  const { db } = seededDatabase(tempDir());
  const now = Date.parse('2026-11-23T10:00:00.000Z');
  expect(checkDue(db, RECEIPT_POLL_MS, now)).toBe(false);
  saveReceiptSettings(db, actor(), {
    version: null,
    settings: { ...DEFAULT_RECEIPT_SETTINGS, enabled: true, host: 'imap.x.example', username: 'u' },
  });
  expect(checkDue(db, RECEIPT_POLL_MS, now)).toBe(true);
  const minutesAgo = (m: number) => new Date(now - m * 60_000).toISOString();
  const checked = (at: string) =>
    advanceCursor(db, { uidValidity: '1', lastUid: 3, at, by: 'AUTRE-POSTE', error: null });
  checked(minutesAgo(1));
  expect(checkDue(db, RECEIPT_POLL_MS, now)).toBe(false);
  checked(minutesAgo(5));
  expect(checkDue(db, RECEIPT_POLL_MS, now)).toBe(true);
});
