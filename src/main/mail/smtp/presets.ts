// Sending servers of the providers families and associations use most in France, recognised from
// the sender's domain, with the sending limits their help pages give, as suggestions for the
// throttle (the administrator confirms: limits change and depend on the contract). Hosts and
// ports are the providers' published client settings (the same data Thunderbird's autoconfig
// serves). A domain not listed (the association's own domain) gets no guess: the administrator
// picks a provider in the list or types their host.
import type { ProviderPreset } from '../../../shared/contract';

interface PresetEntry extends Omit<ProviderPreset, 'oauth'> {
  domains: string[];
  oauth?: ProviderPreset['oauth'];
}

const presets: PresetEntry[] = [
  {
    id: 'office365',
    name: 'Microsoft 365 (Exchange Online)',
    host: 'smtp.office365.com',
    port: 587,
    security: 'starttls',
    dailyLimit: 10_000,
    perMinute: 30,
    note: 'Limites Exchange Online : 10 000 destinataires par jour, 30 messages par minute. L’envoi SMTP authentifié doit être activé pour la boîte. Microsoft supprime l’identification par mot de passe (« authentification de base ») pour l’envoi SMTP : désactivée par défaut pour les organisations existantes fin décembre 2026. Choisissez plutôt « Compte Microsoft 365 » : connexion dans le navigateur, sans mot de passe enregistré dans Pli.',
    domains: [],
    oauth: 'microsoft',
  },
  {
    id: 'outlook',
    name: 'Outlook.com / Hotmail',
    host: 'smtp-mail.outlook.com',
    port: 587,
    security: 'starttls',
    dailyLimit: 300,
    perMinute: null,
    note: 'Comptes personnels : quelques centaines de destinataires par jour ; un mot de passe d’application est souvent demandé.',
    domains: [
      'outlook.com',
      'outlook.fr',
      'hotmail.com',
      'hotmail.fr',
      'live.com',
      'live.fr',
      'msn.com',
    ],
  },
  {
    id: 'gmail',
    name: 'Gmail',
    host: 'smtp.gmail.com',
    port: 465,
    security: 'tls',
    dailyLimit: 500,
    perMinute: null,
    note: 'Gmail : 500 destinataires par jour (2 000 avec Google Workspace). Avec un mot de passe, un mot de passe d’application est obligatoire (validation en deux étapes) ; ou choisissez « Compte Google » : connexion dans le navigateur, sans mot de passe enregistré dans Pli.',
    domains: ['gmail.com', 'googlemail.com'],
    oauth: 'google',
  },
  {
    id: 'orange',
    name: 'Orange / Wanadoo',
    host: 'smtp.orange.fr',
    port: 465,
    security: 'tls',
    dailyLimit: null,
    perMinute: null,
    note: 'Orange limite les envois en nombre sans publier de chiffre : gardez un intervalle d’au moins 5 secondes.',
    domains: ['orange.fr', 'wanadoo.fr'],
  },
  {
    id: 'sfr',
    name: 'SFR / Neuf',
    host: 'smtp.sfr.fr',
    port: 465,
    security: 'tls',
    dailyLimit: null,
    perMinute: null,
    note: 'SFR limite les envois en nombre sans publier de chiffre : gardez un intervalle d’au moins 5 secondes.',
    domains: ['sfr.fr', 'neuf.fr', 'cegetel.net', 'club-internet.fr', '9online.fr'],
  },
  {
    id: 'free',
    name: 'Free',
    host: 'smtp.free.fr',
    port: 465,
    security: 'tls',
    dailyLimit: null,
    perMinute: null,
    note: 'Free limite les envois en nombre sans publier de chiffre : gardez un intervalle d’au moins 5 secondes.',
    domains: ['free.fr', 'aliceadsl.fr'],
  },
  {
    id: 'laposte',
    name: 'La Poste',
    host: 'smtp.laposte.net',
    port: 465,
    security: 'tls',
    dailyLimit: null,
    perMinute: null,
    note: 'La Poste limite les envois en nombre sans publier de chiffre : gardez un intervalle d’au moins 5 secondes.',
    domains: ['laposte.net'],
  },
  {
    id: 'ovh',
    name: 'OVHcloud (MX Plan, E-mail Pro)',
    host: 'ssl0.ovh.net',
    port: 465,
    security: 'tls',
    dailyLimit: null,
    perMinute: 3,
    note: 'MX Plan : 200 messages par heure et par compte, soit un message toutes les 18 secondes environ.',
    domains: [],
  },
  {
    id: 'yahoo',
    name: 'Yahoo Mail',
    host: 'smtp.mail.yahoo.com',
    port: 465,
    security: 'tls',
    dailyLimit: 500,
    perMinute: null,
    note: 'Yahoo : environ 500 messages par jour ; mot de passe d’application obligatoire.',
    domains: ['yahoo.fr', 'yahoo.com', 'ymail.com', 'rocketmail.com'],
  },
  {
    id: 'ionos',
    name: 'IONOS (1&1)',
    host: 'smtp.ionos.fr',
    port: 465,
    security: 'tls',
    dailyLimit: null,
    perMinute: null,
    note: 'IONOS limite les envois par heure selon l’offre : gardez un intervalle d’au moins 5 secondes.',
    domains: ['ionos.fr'],
  },
];

const strip = ({ domains: _d, oauth, ...preset }: PresetEntry): ProviderPreset => ({
  ...preset,
  oauth: oauth ?? null,
});

export const providerPresets: ProviderPreset[] = presets.map(strip);

/** The provider of an address's domain (case and IDN-insensitive), or null. */
export function presetForAddress(address: string): ProviderPreset | null {
  const domain = address.trim().toLowerCase().split('@').pop()?.normalize('NFC') ?? '';
  if (domain === '' || !address.includes('@')) return null;
  const found = presets.find((p) => p.domains.includes(domain));
  return found ? strip(found) : null;
}
