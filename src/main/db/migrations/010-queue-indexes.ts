// The rows in 'sending' found without walking the account's history. Before each claim the send
// loop looks for an interrupted row (DESIGN rule 4), and a workstation waiting for the lease
// asks whether anything is left; both went through every batch of the account, and hasWork read
// every message of them, so the cost grew with each month sent. Only the few rows being sent
// at this moment (one per account) are in this partial index.
import type { Migration } from '../migrate';

export const migration010: Migration = {
  version: 10,
  name: 'queue-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX mail_messages_sending ON mail_messages (state, batch_id) WHERE state = 'sending';
    `);
  },
};
