// Paramètres › À propos: facts about this workstation's Pli, read through the contract.
import { useCall } from '../hooks';
import { fr } from '../i18n/fr';
import { ErrorNotice } from '../components/ErrorNotice';

export function AboutPage() {
  const [about] = useCall('app:about', {});
  const t = fr.about;
  if (about.status === 'loading') return <p>{fr.loading}</p>;
  if (about.status === 'error') return <ErrorNotice error={about.error} />;
  const a = about.value;
  const rows: [string, string, string][] = [
    ['version', t.version, a.version],
    ['runtime', t.runtime, t.runtimes[a.runtime]],
    ['workstation', t.workstation, a.workstationName],
    ['association', t.association, a.associationName ?? t.noDatabase],
    ['database-path', t.databasePath, a.databasePath],
    [
      'schema-version',
      t.schemaVersion,
      a.schemaVersion === null
        ? t.noDatabase
        : `${a.schemaVersion} (dernière : ${a.latestSchemaVersion})`,
    ],
    ['data-dir', t.dataDir, a.dataDir],
  ];
  return (
    <section className="page" aria-labelledby="about-title">
      <h2 id="about-title">{t.title}</h2>
      <dl className="facts">
        {rows.map(([id, label, value]) => (
          <div key={id} className="fact">
            <dt>{label}</dt>
            <dd data-testid={`about-${id}`}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
