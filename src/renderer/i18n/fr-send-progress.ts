// French texts of sending: the confirmation of « Envoyer » with its pace and the time it will
// take, the password of the sending account, the progress panel of a batch (counts, time left,
// pause / reprendre / annuler, the reason of a pause, the failures and « Renvoyer les échecs »)
// and the indicator every page shows while a batch runs.
import type { BatchState } from '../../shared/contract';

const n = (value: number) => value.toLocaleString('fr-FR');
const plural = (value: number, one: string, many: string) =>
  `${n(value)} ${value > 1 ? many : one}`;

/** "45 s", "3 min", "1 h 05": rounded up, as people read a remaining time. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
}

export const frSendProgress = {
  confirm: {
    title: (count: number) => `Envoyer ${plural(count, 'e-mail', 'e-mails')} ?`,
    intro:
      'Chaque famille reçoit sa facture dans un message à part. Pli envoie les messages les uns après les autres, au rythme ci-dessous, pour que le fournisseur de messagerie les accepte.',
    interval: 'Secondes entre deux messages',
    pauseEvery: 'Pause après chaque groupe de (messages, 0 = jamais)',
    pauseSeconds: 'Durée de la pause (secondes)',
    eta: (duration: string) => `Durée prévue : environ ${duration}.`,
    etaNone: 'Durée prévue : quelques secondes.',
    keepOpen:
      'Vous pouvez continuer à travailler ou changer de page pendant l’envoi : il se poursuit, et son avancement reste affiché en bas de la barre de navigation.',
    send: (count: number) => `Envoyer ${plural(count, 'e-mail', 'e-mails')}`,
    sending: 'Préparation des messages…',
    cancel: 'Ne pas envoyer',
  },
  password: {
    title: 'Mot de passe du compte d’envoi',
    intro:
      'Le mot de passe du compte qui envoie les e-mails n’est pas connu sur ce poste. Saisissez-le pour lancer l’envoi.',
    field: 'Mot de passe du compte d’envoi',
    remember: 'Mémoriser sur ce poste',
    rememberHelp:
      'Coché : Pli le garde dans le trousseau de ce poste. Décoché : il sert jusqu’à la fermeture de Pli.',
    submit: 'Valider et envoyer',
    resume: 'Valider et reprendre l’envoi',
  },
  panel: {
    label: 'Avancement de l’envoi',
    title: (period: string | null) =>
      period ? `Envoi des factures – ${period}` : 'Envoi des e-mails',
    close: 'Fermer (l’envoi continue)',
    progress: 'Messages traités',
    sent: 'envoyés',
    failed: 'en échec',
    remaining: 'restants',
    eta: (duration: string) => `Fin prévue dans environ ${duration}.`,
    states: {
      queued: 'En attente de démarrage…',
      running: 'Envoi en cours.',
      paused: 'Envoi en pause.',
      done: 'Envoi terminé.',
      cancelled: 'Envoi annulé : les messages non partis ne partiront pas.',
    } satisfies Record<BatchState, string>,
    summary: (sent: number, failed: number) =>
      `${plural(sent, 'envoyé', 'envoyés')}, ${n(failed)} en échec`,
    resentAfterInterruption: (count: number) =>
      `${plural(count, 'message renvoyé', 'messages renvoyés')} après une interruption (Pli fermé pendant l’envoi) : la famille peut le recevoir deux fois, avec le même identifiant.`,
    pause: 'Pause',
    resume: 'Reprendre',
    cancel: 'Annuler l’envoi',
    cancelConfirm: 'Confirmer l’annulation',
    retry: 'Renvoyer les échecs',
    failuresTitle: 'Messages en échec',
    failureOf: (number: string | null, resident: string | null) =>
      [number ? `Facture ${number}` : 'Message', resident].filter(Boolean).join(' – '),
    reply: (text: string) => `Réponse du serveur : ${text}`,
    fixThenRetry:
      'Corrigez l’adresse dans la fiche du résident si besoin, puis cliquez sur « Renvoyer les échecs ».',
  },
  indicator: {
    label: 'Envois en cours',
    running: (sent: number, total: number) => `Envoi : ${n(sent)} / ${n(total)}`,
    paused: 'Envoi en pause',
    done: (sent: number, failed: number) => `${n(sent)} envoyés, ${n(failed)} en échec`,
    open: 'Afficher l’avancement de l’envoi',
  },
} as const;
