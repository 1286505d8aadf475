// Single emails handed to a desktop client (Outlook, Thunderbird, the default mail program):
// the message row is written as for Pli's own sending (rule 4), then, once the client has it,
// the row leaves Pli's queue for good (state 'cancelled': the queue never takes it) and this
// row says where it went, when, by whom and from which workstation. The journal's envelope
// reads « remis à Thunderbird » from it: handed over, never « envoyé », since Pli cannot know
// whether the user pressed Send in the client.
import type { Migration } from '../migrate';

export const migration009: Migration = {
  version: 9,
  name: 'handover',
  up(db) {
    db.exec(`
      CREATE TABLE mail_handovers (
        message_row INTEGER PRIMARY KEY REFERENCES mail_messages(id),
        client      TEXT NOT NULL CHECK (client IN ('outlook', 'thunderbird', 'system')),
        -- How the client got it: its compose switch, an .eml draft, or a mailto: link.
        way         TEXT NOT NULL CHECK (way IN ('compose', 'eml', 'mailto')),
        handed_at   TEXT NOT NULL,
        handed_by   INTEGER REFERENCES users(id),
        workstation TEXT NOT NULL
      );
    `);
  },
};
