// What issuing needs: the payer as printed on the invoice (a later change of address must not
// rewrite an issued invoice), the relevé de débours' own PDF, the reason of an avoir and which
// line of the original each avoir line gives back. Triggers make DESIGN rule 3 hold even
// against a bug: an issued invoice's number, lines, totals and PDF hash never change.
import type { Migration } from '../migrate';

export const migration004: Migration = {
  version: 4,
  name: 'issuing',
  up(db) {
    db.exec(`
      ALTER TABLE invoices ADD COLUMN payer_name TEXT NOT NULL DEFAULT '';
      ALTER TABLE invoices ADD COLUMN payer_address TEXT NOT NULL DEFAULT ''; -- lines joined by \\n
      ALTER TABLE invoices ADD COLUMN reason TEXT NOT NULL DEFAULT '';
      ALTER TABLE invoices ADD COLUMN debours_pdf_path TEXT;
      ALTER TABLE invoices ADD COLUMN debours_pdf_sha256 TEXT;
      ALTER TABLE invoice_lines ADD COLUMN credits_position INTEGER;
      CREATE INDEX invoices_credited ON invoices (credited_invoice_id);
      CREATE INDEX debours_invoice ON debours (invoice_id);

      CREATE TRIGGER invoices_issued_frozen BEFORE UPDATE ON invoices
      WHEN OLD.status = 'issued' AND (
        NEW.status IS NOT OLD.status OR NEW.seq IS NOT OLD.seq OR NEW.number IS NOT OLD.number
        OR NEW.total_cents IS NOT OLD.total_cents OR NEW.facility_id IS NOT OLD.facility_id
        OR NEW.resident_id IS NOT OLD.resident_id OR NEW.kind IS NOT OLD.kind
        OR NEW.period IS NOT OLD.period OR NEW.issue_date IS NOT OLD.issue_date
        OR NEW.credited_invoice_id IS NOT OLD.credited_invoice_id
        OR (OLD.pdf_sha256 IS NOT NULL AND NEW.pdf_sha256 IS NOT OLD.pdf_sha256)
        OR (OLD.debours_pdf_sha256 IS NOT NULL AND NEW.debours_pdf_sha256 IS NOT OLD.debours_pdf_sha256))
      BEGIN SELECT RAISE(ABORT, 'PLI_INVOICE_ISSUED'); END;
      CREATE TRIGGER invoices_issued_kept BEFORE DELETE ON invoices WHEN OLD.status = 'issued'
      BEGIN SELECT RAISE(ABORT, 'PLI_INVOICE_ISSUED'); END;
      CREATE TRIGGER invoice_lines_issued_frozen BEFORE UPDATE ON invoice_lines
      WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'issued'
      BEGIN SELECT RAISE(ABORT, 'PLI_INVOICE_ISSUED'); END;
      CREATE TRIGGER invoice_lines_issued_kept BEFORE DELETE ON invoice_lines
      WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) = 'issued'
      BEGIN SELECT RAISE(ABORT, 'PLI_INVOICE_ISSUED'); END;
    `);
  },
};
