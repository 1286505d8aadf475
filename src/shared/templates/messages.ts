// Template problems in the words the billing office reads, shared by the editor (while typing)
// and main (the details of a refused save).
import type { TemplateIssue } from './scan';

export function describeIssue(issue: TemplateIssue): string {
  switch (issue.kind) {
    case 'unclosed':
      return 'Accolades ouvertes « {{ » sans « }} » : fermez le champ ou supprimez les accolades.';
    case 'empty':
      return 'Champ vide {{}} : choisissez un champ dans la liste ou supprimez les accolades.';
    case 'unknown':
      return issue.suggestion
        ? `Champ inconnu ${issue.raw} : vouliez-vous dire {{${issue.suggestion}}} ?`
        : `Champ inconnu ${issue.raw} : choisissez un champ dans la liste « Insérer un champ ».`;
  }
}

/** With where it is: « Objet : Champ inconnu {{numro}} … ». */
export function describeLocatedIssue(issue: TemplateIssue & { part: 'subject' | 'body' }): string {
  return `${issue.part === 'subject' ? 'Objet' : 'Texte'} : ${describeIssue(issue)}`;
}
