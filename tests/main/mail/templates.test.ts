// Email templates on a real Pli file: the shipped defaults apply until a facility saves its
// own; a save with an unknown field is refused and writes nothing; saves and resets are
// version-checked and audited; renderForInvoice fills a real issued invoice in each language.
import { describe, expect, it } from 'vitest';
import { issueRun, prepareRun } from '../../../src/main/billing/run';
import fs from 'node:fs';
import path from 'node:path';
import { defaultTemplate, templateDirectory } from '../../../src/main/mail/template-defaults';
import { renderForInvoice, splitPayerName } from '../../../src/main/mail/template-values';
import {
  getTemplate,
  listTemplates,
  resetTemplate,
  saveTemplate,
} from '../../../src/main/mail/templates';
import { PliError } from '../../../src/shared/contract';
import { DOC_TYPES, TEMPLATE_LANGUAGES, templateIssues } from '../../../src/shared/templates';
import { PERIOD, seedBillingMonth } from '../../fixtures/billing';
import { actor, seededDatabase } from '../../fixtures/db';
import { tempDir } from '../../helpers';

const spaces = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

function issuedMonth() {
  const { db } = seededDatabase(tempDir());
  seedBillingMonth(db);
  issueRun(db, actor(), prepareRun(db, actor(), 1, PERIOD), 1, '2026-10-01');
  // Seq 3 is Łucja Wiśniewska's invoice, addressed to her son.
  const {
    id,
    number,
    total_cents: total,
  } = db.prepare('SELECT id, number, total_cents FROM invoices WHERE seq = 3').get() as {
    id: number;
    number: string;
    total_cents: number;
  };
  return { db, id, number, total };
}

function failure(work: () => unknown): PliError | null {
  try {
    work();
  } catch (error) {
    if (error instanceof PliError) return error;
    throw error;
  }
  return null;
}

const key = { facilityId: 1, docType: 'facture' as const, language: 'fr' as const };

describe('shipped default templates', () => {
  it('exist for every document type and language, and use known fields only', () => {
    for (const docType of DOC_TYPES) {
      for (const language of TEMPLATE_LANGUAGES) {
        const template = defaultTemplate(docType, language);
        expect(template.subject.length).toBeGreaterThan(5);
        expect(template.body).toContain('{{numero}}');
        expect(templateIssues(template), `${docType}/${language}`).toEqual([]);
      }
    }
  });
});

describe('templateDirectory', () => {
  it('prefers the packaged app’s resources folder, else finds the project’s', () => {
    expect(templateDirectory()).toBe(path.resolve('resources/templates'));
    const packaged = tempDir();
    fs.mkdirSync(path.join(packaged, 'resources', 'templates'), { recursive: true });
    fs.writeFileSync(path.join(packaged, 'resources', 'templates', 'fr.json'), '{}');
    const proc = process as NodeJS.Process & { resourcesPath?: string };
    proc.resourcesPath = packaged;
    try {
      expect(templateDirectory()).toBe(path.join(packaged, 'resources', 'templates'));
    } finally {
      Reflect.deleteProperty(proc, 'resourcesPath');
    }
  });
});

describe('facility templates', () => {
  it('fall back to the default, then keep the facility’s own, version-checked and audited', () => {
    const { db } = issuedMonth();
    const initial = getTemplate(db, key);
    expect(initial).toMatchObject({ customised: false, version: null });
    expect(initial.subject).toBe(defaultTemplate('facture', 'fr').subject);
    expect(listTemplates(db, 1)).toHaveLength(DOC_TYPES.length * TEMPLATE_LANGUAGES.length);

    const saved = saveTemplate(db, actor(), {
      ...key,
      version: null,
      subject: 'Facture {{numero}} de {{periode}}',
      body: 'Bonjour,\r\nci-joint la facture NUMFACT.',
    });
    expect(saved).toMatchObject({ customised: true, version: 1, updatedBy: 'Hélène Dubois' });
    expect(saved.body).toBe('Bonjour,\nci-joint la facture NUMFACT.');
    const summary = listTemplates(db, 1).filter((t) => t.customised);
    expect(summary).toEqual([expect.objectContaining({ docType: 'facture', language: 'fr' })]);
    // Another facility and another language still read the default.
    expect(getTemplate(db, { ...key, facilityId: 2 }).customised).toBe(false);
    expect(getTemplate(db, { ...key, language: 'en' }).customised).toBe(false);

    // A second workstation saving from the version it opened is told what changed.
    const stale = failure(() =>
      saveTemplate(db, actor('COMPTA-2'), { ...key, version: null, subject: 'x', body: 'y' }),
    );
    expect(stale?.code).toBe('RECORD_CHANGED');
    const again = saveTemplate(db, actor(), { ...saved, subject: 'Votre facture {{numero}}' });
    expect(again.version).toBe(2);
    expect(failure(() => saveTemplate(db, actor(), { ...saved, subject: 'z' }))?.code).toBe(
      'RECORD_CHANGED',
    );

    expect(failure(() => resetTemplate(db, actor(), { ...key, version: 1 }))?.code).toBe(
      'RECORD_CHANGED',
    );
    const reset = resetTemplate(db, actor(), { ...key, version: 2 });
    expect(reset).toMatchObject({ customised: false, version: null });
    expect(reset.subject).toBe(defaultTemplate('facture', 'fr').subject);

    const actions = db
      .prepare("SELECT action, version FROM audit_log WHERE entity = 'email_templates' ORDER BY id")
      .all();
    expect(actions).toEqual([
      { action: 'create', version: 1 },
      { action: 'update', version: 2 },
      { action: 'reset', version: 3 },
    ]);
  });

  it('refuses a template with unknown fields, listing each in French, and writes nothing', () => {
    const { db } = issuedMonth();
    const error = failure(() =>
      saveTemplate(db, actor(), {
        ...key,
        version: null,
        subject: 'Facture {{numro}}',
        body: 'Montant : {{montan}}, &persone',
      }),
    );
    expect(error?.code).toBe('TEMPLATE_UNKNOWN_FIELD');
    expect(error?.details).toEqual([
      'Objet : Champ inconnu {{numro}} : vouliez-vous dire {{numero}} ?',
      'Texte : Champ inconnu {{montan}} : vouliez-vous dire {{montant}} ?',
      'Texte : Champ inconnu &persone : vouliez-vous dire {{resident}} ?',
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM email_templates').get()).toEqual({ n: 0 });
  });
});

describe('renderForInvoice', () => {
  it('fills the default with the issued invoice, its payer snapshot and the sender', () => {
    const { db, id, number, total } = issuedMonth();
    const result = renderForInvoice(db, id, 'facture', 'fr', { senderName: 'Hélène Dubois' });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(spaces(result.subject)).toBe(
      `Votre facture ${number} – septembre 2026 – EHPAD Les Tilleuls`,
    );
    expect(spaces(result.text)).toContain(
      `votre facture n° ${number} du 01/10/2026 concernant l’hébergement de Mme Łucja Wiśniewska pour septembre 2026, d’un montant de ${spaces(new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(total / 100))}`,
    );
    expect(result.text).toMatch(/\nHélène Dubois\nService facturation – EHPAD Les Tilleuls$/);
  });

  it('writes each language’s salutation and formats, and the facility’s own text when saved', () => {
    const { db, id, number } = issuedMonth();
    const english = renderForInvoice(db, id, 'relance1', 'en');
    expect(english.ok && english.text.split('\n')[0]).toBe('Dear Mr Łukasz WIŚNIEWSKI,');
    expect(english.ok && english.subject).toBe(`Reminder: invoice ${number} – September 2026`);
    // Without a sender name, the facility signs.
    expect(english.ok && english.text).toMatch(/\nEHPAD Les Tilleuls\nBilling office/);
    const german = renderForInvoice(db, id, 'facture', 'de');
    expect(german.ok && german.text.split('\n')[0]).toBe('Guten Tag Herr Łukasz WIŚNIEWSKI,');

    saveTemplate(db, actor(), {
      ...key,
      version: null,
      subject: 'TYPEDOC NUMFACT',
      body: '&personne',
    });
    expect(renderForInvoice(db, id, 'facture', 'fr')).toEqual({
      ok: true,
      subject: `facture ${number}`,
      text: 'Mme Łucja Wiśniewska',
    });
    // Text adjusted for one send is checked like a template.
    const edited = renderForInvoice(db, id, 'facture', 'fr', { subject: 'Facture {{numeo}}' });
    expect(edited.ok).toBe(false);
  });

  it('refuses an invoice that is not issued', () => {
    const { db } = seededDatabase(tempDir());
    seedBillingMonth(db);
    prepareRun(db, actor(), 1, PERIOD);
    const draft = (db.prepare('SELECT id FROM invoices LIMIT 1').get() as { id: number }).id;
    expect(failure(() => renderForInvoice(db, draft, 'facture', 'fr'))?.code).toBe(
      'TEMPLATE_INVOICE_NOT_ISSUED',
    );
  });

  it('splits the payer’s civilité from the printed name', () => {
    expect(splitPayerName('Mme Minh TRẦN')).toEqual({
      payerCivilite: 'Mme',
      payerName: 'Minh TRẦN',
    });
    expect(splitPayerName('Association tutélaire ATL')).toEqual({
      payerCivilite: '',
      payerName: 'Association tutélaire ATL',
    });
  });
});
