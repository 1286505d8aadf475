// The default templates shipped in resources/templates (one JSON file per language, one entry
// per document type), read once per process. Found like the PDF fonts: beside the packaged app
// (electron-builder copies resources/ into process.resourcesPath), else in an ancestor folder
// of this module (development, tests, bundles under dist/).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  DOC_TYPES,
  TEMPLATE_LANGUAGES,
  type DocType,
  type TemplateLanguage,
  type TemplateText,
} from '../../shared/templates';

const entry = z.object({ subject: z.string().min(1), body: z.array(z.string()) }).strict();
const file = z.object(Object.fromEntries(DOC_TYPES.map((type) => [type, entry]))).strict();

export function templateDirectory(): string {
  const candidates: string[] = [];
  const { resourcesPath } = process as NodeJS.Process & { resourcesPath?: string };
  if (resourcesPath) candidates.push(path.join(resourcesPath, 'resources', 'templates'));
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    candidates.push(path.join(dir, 'resources', 'templates'));
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const found = candidates.find((candidate) => fs.existsSync(path.join(candidate, 'fr.json')));
  if (!found) {
    throw new Error(
      `Les modèles d’e-mails par défaut (resources/templates) sont introuvables : réinstallez Pli. Cherché dans ${candidates.join(', ')}.`,
    );
  }
  return found;
}

type Defaults = Record<TemplateLanguage, Record<DocType, TemplateText>>;
let loaded: Defaults | null = null;

function load(): Defaults {
  const dir = templateDirectory();
  const defaults = {} as Defaults;
  for (const language of TEMPLATE_LANGUAGES) {
    const parsed = file.parse(
      JSON.parse(fs.readFileSync(path.join(dir, `${language}.json`), 'utf8')),
    ) as Record<DocType, z.output<typeof entry>>;
    defaults[language] = Object.fromEntries(
      DOC_TYPES.map((type) => [
        type,
        { subject: parsed[type].subject, body: parsed[type].body.join('\n') },
      ]),
    ) as Record<DocType, TemplateText>;
  }
  return defaults;
}

/** The shipped template of a document type in a language. */
export function defaultTemplate(docType: DocType, language: TemplateLanguage): TemplateText {
  loaded ??= load();
  return loaded[language][docType];
}
