// Each facility's email templates: the effective template of (facility, document type,
// language) is the facility's row in `email_templates` when it has one, else the default
// shipped in resources/templates. Saving refuses any unknown or misspelt field
// (TEMPLATE_UNKNOWN_FIELD, each listed in French); saves and resets are version-checked and
// audited. Resetting deletes the row, so a later change of the shipped default reaches it.
import type Database from 'better-sqlite3';
import { PliError, type EmailTemplate, type TemplateSummary } from '../../shared/contract';
import {
  DOC_TYPES,
  TEMPLATE_LANGUAGES,
  describeLocatedIssue,
  templateIssues,
  type DocType,
  type TemplateLanguage,
  type TemplateText,
} from '../../shared/templates';
import { audit, diff, type Actor } from '../db/audit';
import { checkVersion, updateVersioned } from '../db/conflict';
import { write } from '../db/tx';
import { defaultTemplate } from './template-defaults';

export interface TemplateKey {
  facilityId: number;
  docType: DocType;
  language: TemplateLanguage;
}

interface Row {
  id: number;
  doc_type: DocType;
  language: TemplateLanguage;
  subject: string;
  body: string;
  updated_at: string;
  updated_by: string | null;
  version: number;
}

const labels: Record<string, string> = {
  facilityId: 'Établissement',
  docType: 'Type de document',
  language: 'Langue',
  subject: 'Objet',
  body: 'Texte du message',
};
const SELECT = `SELECT t.id, t.doc_type, t.language, t.subject, t.body, t.updated_at, t.version,
                       u.name AS updated_by
                FROM email_templates t LEFT JOIN users u ON u.id = t.updated_by`;

function ensureFacility(db: Database.Database, facilityId: number): void {
  if (!db.prepare('SELECT 1 FROM facilities WHERE id = ?').get(facilityId)) {
    throw new PliError('NOT_FOUND');
  }
}

function findRow(db: Database.Database, key: TemplateKey): Row | undefined {
  return db
    .prepare(`${SELECT} WHERE t.facility_id = ? AND t.doc_type = ? AND t.language = ?`)
    .get(key.facilityId, key.docType, key.language) as Row | undefined;
}

/** Every document type × language of a facility, and whether the facility changed it. */
export function listTemplates(db: Database.Database, facilityId: number): TemplateSummary[] {
  ensureFacility(db, facilityId);
  const rows = db.prepare(`${SELECT} WHERE t.facility_id = ?`).all(facilityId) as Row[];
  const byKey = new Map(rows.map((row) => [`${row.doc_type}/${row.language}`, row]));
  return DOC_TYPES.flatMap((docType) =>
    TEMPLATE_LANGUAGES.map((language) => {
      const row = byKey.get(`${docType}/${language}`);
      return {
        docType,
        language,
        customised: row !== undefined,
        updatedAt: row?.updated_at ?? null,
        updatedBy: row?.updated_by ?? null,
      };
    }),
  );
}

/** The text a message of this kind is written from. */
export function effectiveTemplate(db: Database.Database, key: TemplateKey): TemplateText {
  const row = findRow(db, key);
  return row
    ? { subject: row.subject, body: row.body }
    : defaultTemplate(key.docType, key.language);
}

export function getTemplate(db: Database.Database, key: TemplateKey): EmailTemplate {
  ensureFacility(db, key.facilityId);
  const row = findRow(db, key);
  const text = row ?? defaultTemplate(key.docType, key.language);
  return {
    ...key,
    subject: text.subject,
    body: text.body,
    customised: row !== undefined,
    version: row?.version ?? null,
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.updated_by ?? null,
  };
}

/** Refuses a template a family would receive with a blank or a raw `{{…}}` in it. */
export function assertValidTemplate(template: TemplateText): void {
  const issues = templateIssues(template);
  if (issues.length > 0) {
    throw new PliError('TEMPLATE_UNKNOWN_FIELD', issues.map(describeLocatedIssue));
  }
}

export function saveTemplate(
  db: Database.Database,
  actor: Actor,
  request: TemplateKey & TemplateText & { version: number | null },
): EmailTemplate {
  const { facilityId, docType, language, version } = request;
  const after = { subject: request.subject, body: request.body.replace(/\r\n?/g, '\n') };
  assertValidTemplate(after);
  write(db, () => {
    ensureFacility(db, facilityId);
    const row = findRow(db, request);
    const now = new Date().toISOString();
    if (!row) {
      checkVersion(
        db,
        { entity: 'email_templates', id: 0, current: 0, expected: version ?? 0 },
        labels,
      );
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO email_templates (facility_id, doc_type, language, subject, body, updated_at, updated_by)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(facilityId, docType, language, after.subject, after.body, now, actor.userId);
      audit(db, actor, {
        entity: 'email_templates',
        entityId: Number(lastInsertRowid),
        action: 'create',
        version: 1,
        changes: diff({}, { facilityId, docType, language, ...after }),
      });
      return;
    }
    const change = {
      entity: 'email_templates',
      id: row.id,
      current: row.version,
      expected: version,
      before: { subject: row.subject, body: row.body },
      after,
      labels,
    };
    updateVersioned(db, actor, change, () => {
      db.prepare(
        `UPDATE email_templates SET subject = ?, body = ?, updated_at = ?, updated_by = ?,
           version = version + 1 WHERE id = ?`,
      ).run(after.subject, after.body, now, actor.userId, row.id);
    });
  });
  return getTemplate(db, request);
}

/** Back to the shipped default: the facility's row goes (audited with what it said). */
export function resetTemplate(
  db: Database.Database,
  actor: Actor,
  request: TemplateKey & { version: number | null },
): EmailTemplate {
  write(db, () => {
    ensureFacility(db, request.facilityId);
    const row = findRow(db, request);
    if (!row) return;
    checkVersion(
      db,
      { entity: 'email_templates', id: row.id, current: row.version, expected: request.version },
      labels,
    );
    db.prepare('DELETE FROM email_templates WHERE id = ?').run(row.id);
    audit(db, actor, {
      entity: 'email_templates',
      entityId: row.id,
      action: 'reset',
      version: row.version + 1,
      changes: { subject: [row.subject, null], body: [row.body, null] },
    });
  });
  return getTemplate(db, request);
}
