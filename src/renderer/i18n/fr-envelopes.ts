// The journal's envelopes (« Envoi »): each state's label, the tooltip's facts, the « Envoi »
// and status filters, and an invoice's message history.
import type { EnvelopeState, InvoiceEnvelope, InvoiceMessage } from '../../shared/contract';

/** « le 03/10/2026 à 11:15 », in the workstation's time zone. */
export function formatDateTimeFr(iso: string): string {
  const date = new Date(iso);
  const day = date.toLocaleDateString('fr-FR');
  const time = date.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });
  return `le ${day} à ${time}`;
}

export const frEnvelopes = {
  column: 'Envoi',
  states: {
    non_envoyee: 'Non envoyée',
    en_attente: 'En attente',
    envoye: 'Envoyé',
    en_echec: 'En échec',
    lu: 'Lu',
    rejete: 'Rejeté',
    remis: 'Remis à la messagerie',
  } satisfies Record<EnvelopeState, string>,
  /** « remis » names the program: handed over, not « envoyé ». */
  handedTo: {
    outlook: 'Remis à Outlook',
    thunderbird: 'Remis à Thunderbird',
    system: 'Remis à la messagerie',
  } satisfies Record<NonNullable<InvoiceEnvelope['handedTo']>, string>,
  tooltip: {
    at: (iso: string) => `Dernier envoi ${formatDateTimeFr(iso)}`,
    to: (addresses: string[]) => `À : ${addresses.join(', ')}`,
    by: (name: string | null, workstation: string | null) =>
      `Par ${name ?? 'un utilisateur supprimé'}${workstation ? ` depuis le poste ${workstation}` : ''}`,
    reply: (reply: string) => `Réponse du serveur : ${reply}`,
    resent: 'Renvoyé après interruption',
    handedAt: (iso: string) => `Remis ${formatDateTimeFr(iso)}`,
    handedNote: 'Pli ne sait pas si le message est parti : vérifiez dans la messagerie du poste.',
    read: (iso: string) => `Lu ${formatDateTimeFr(iso)} (accusé de réception)`,
    bounced: (iso: string) => `Rejeté ${formatDateTimeFr(iso)} par le serveur du destinataire`,
    bounceReply: (reply: string) => `Motif du rejet : ${reply}`,
  },
  filters: {
    envelope: 'Envoi',
    status: 'Statut',
    all: 'Tous',
    envelopes: {
      envoye: 'Envoyé',
      non_envoyee: 'Non envoyé',
      en_echec: 'En échec',
      en_attente: 'En attente',
      lu: 'Lu (accusé reçu)',
      rejete: 'Rejeté (bounce)',
      remis: 'Remis à la messagerie du poste',
    } satisfies Partial<Record<EnvelopeState, string>>,
  },
  history: {
    title: 'Envois par e-mail',
    caption: 'Historique des envois de cette facture, du plus récent au plus ancien',
    empty: 'Cette facture n’a jamais été envoyée par e-mail.',
    columns: {
      at: 'Date',
      state: 'État',
      kind: 'Document',
      to: 'Destinataires',
      by: 'Envoyé par',
      reply: 'Réponse du serveur',
    },
    states: {
      queued: 'En attente',
      sending: 'En cours d’envoi',
      retry_wait: 'Nouvel essai prévu',
      sent: 'Envoyé',
      failed: 'En échec',
      cancelled: 'Annulé',
    } satisfies Record<InvoiceMessage['state'], string>,
    kinds: {
      facture: 'Facture',
      envoi_ponctuel: 'Envoi ponctuel',
      relance1: 'Relance 1',
      relance2: 'Relance 2',
      mise_en_demeure: 'Mise en demeure',
    } as Record<string, string | undefined>,
    resent: 'renvoyé après interruption',
    resendOf: 'nouvel envoi après un échec',
    receipt: {
      lu: (iso: string) => `lu ${formatDateTimeFr(iso)} (accusé de réception)`,
      rejete: (iso: string) => `rejeté ${formatDateTimeFr(iso)} par le serveur du destinataire`,
    },
    attempts: (n: number) => `${n} essai${n > 1 ? 's' : ''}`,
    by: (name: string | null, workstation: string) =>
      `${name ?? 'Utilisateur supprimé'} (poste ${workstation})`,
  },
};
