// French texts of Envoi groupé's own message (the subject and text of this batch, from the
// facility's French template) and of one invoice's own files (« Joindre » on a row).
export const frSendMessage = {
  message: {
    title: 'Objet et texte de cet envoi',
    intro:
      'Ils partent du modèle « Facture » en français de l’établissement. Vos modifications valent pour cet envoi seulement : le modèle ne change pas (Paramètres › Modèles d’e-mails).',
    languages:
      'Vous modifiez le texte en français ; les familles qui lisent une autre langue reçoivent le modèle de leur langue.',
    edited: 'Texte modifié pour cet envoi.',
    restore: 'Revenir au modèle',
    loading: 'Chargement du modèle…',
    issuesTitle: 'À corriger avant d’envoyer :',
    blocked: 'Corrigez l’objet ou le texte du message avant d’envoyer.',
  },
  own: {
    join: 'Joindre',
    joinRow: (number: string) => `Joindre un fichier au message de la facture ${number}`,
    adding: 'Ajout…',
    remove: (name: string, number: string) => `Retirer ${name} du message de la facture ${number}`,
    removeLabel: 'Retirer',
    mark: 'pour cette facture seulement',
  },
};
