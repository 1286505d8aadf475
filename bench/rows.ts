// The table rows (bench/report.ts) of every bench item, from its figures in latest.json; an
// item never measured gives no row. Items 3 and 5 (bench/journal.ts, bench/cold-start.ts) set
// no target in the issue: their rows show the figures and the ratio only.
import type { ColdStartBench } from './cold-start';
import type { JournalBench } from './journal';
import type { MemoryFigures } from './memory';
import type { PdfBench } from './pdf';
import type { PipelineFigures } from './pipeline';
import type { BenchRow, Results } from './report';
import type { ThrottleFigures } from './throttle';

const n = (value: number, digits = 0) =>
  value.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function pdfRows(r: PdfBench): BenchRow[] {
  return [
    {
      item: 'pdf',
      measure: 'Factures PDF par seconde, un cœur',
      figure: `${n(r.pdfLib.perSecond)} /s (pdf-lib)`,
      baseline: `${n(r.chromium.perSecond, 1)} /s (Chromium page.pdf())`,
      ratio: `${n(r.pdfLibVsChromium, 1)} ×`,
      target: `≥ ${r.targets.vsChromium} × et ≥ ${r.targets.perSecond} /s`,
      met: r.pdfLibVsChromium >= r.targets.vsChromium && r.pdfLib.perSecond >= r.targets.perSecond,
    },
  ];
}

function pipelineRows(r: PipelineFigures): BenchRow[] {
  const ms = r.msPerMessage;
  return [
    {
      item: 'pipeline',
      measure: `Envoi groupé sans cadence, ${r.messages} factures PDF (${n(r.messageBytes / 1000)} ko), une connexion SMTP`,
      figure: `${n(r.pipeline.perSecond, 1)} messages/s (par message : file ${n(ms.queue, 1)} ms — 2 transactions SQLite durables, fsync médian ${n(r.fsyncMedianMs, 1)} ms —, composition ${n(ms.compose, 1)} ms, SMTP ${n(ms.smtp, 1)} ms)`,
      baseline: `${n(r.bare.perSecond, 1)} messages/s (nodemailer en pool nu, messages déjà composés)`,
      ratio: n(r.ratio, 2),
      target: `≥ ${n(r.target, 1)}`,
      met: r.ratio >= r.target,
    },
  ];
}

function memoryRows(r: MemoryFigures): BenchRow[] {
  const mb = (v: number) => `${n(v, 1)} Mo`;
  return [
    {
      item: 'memory',
      measure: `Mémoire du processus principal, pic sur ${n(r.large.messages)} messages (tas / RSS)`,
      figure: `${mb(r.large.peak.heapUsed)} / ${mb(r.large.peak.rss)}`,
      baseline: `${mb(r.small.peak.heapUsed)} / ${mb(r.small.peak.rss)} (${r.small.messages} messages ; au repos ${mb(r.idle.heapUsed)} / ${mb(r.idle.rss)})`,
      ratio: `${n(r.peakHeapRatio, 2)} / ${n(r.peakRssRatio, 2)}`,
      target: `≤ ${n(r.target.peakRatio, 1)}`,
      met: r.peakHeapRatio <= r.target.peakRatio && r.peakRssRatio <= r.target.peakRatio,
    },
    {
      item: 'memory',
      measure: `Mémoire du processus principal, fin (tas après GC)`,
      figure: `${mb(r.large.final.heapUsed)} après ${n(r.large.messages)} messages`,
      baseline: `${mb(r.small.final.heapUsed)} après ${r.small.messages} messages`,
      ratio: `${r.finalHeapGrowth >= 0 ? '+' : ''}${mb(r.finalHeapGrowth)}`,
      target: `≤ +${r.target.finalHeapGrowthMb} Mo`,
      met: r.finalHeapGrowth <= r.target.finalHeapGrowthMb,
    },
  ];
}

function throttleRows(r: ThrottleFigures): BenchRow[] {
  const pace = `${n(r.pace.intervalMs / 1000)} s, ${n(r.pace.pauseMs / 1000)} s toutes les ${r.pace.pauseEvery}`;
  return [
    {
      item: 'throttle',
      measure: `Cadence (${pace}), ${r.messages} messages : écart de chaque envoi à son heure prévue (envoi précédent + intervalle)`,
      figure: `moyenne ${n(r.deviation.meanMs)} ms, max ${n(r.deviation.maxMs)} ms (dérive sur le plan fixé au départ : moyenne ${n(r.drift.meanMs)} ms, max ${n(r.drift.maxMs)} ms)`,
      baseline: `plan de ${n(r.plannedSeconds)} s (heure de réception du serveur SMTP)`,
      ratio: `${n((r.deviation.maxMs / r.pace.intervalMs) * 100, 1)} % de l’intervalle`,
      target: `max ≤ ${r.target.maxDeviationMs} ms`,
      met: r.deviation.maxMs <= r.target.maxDeviationMs,
    },
    {
      item: 'throttle',
      measure: 'Durée restante affichée au départ vs fin réelle',
      figure: `fin réelle ${n(r.eta.actualSeconds, 1)} s`,
      baseline: `affichée ${n(r.eta.shownSeconds)} s`,
      ratio: `${r.eta.errorSeconds >= 0 ? '+' : ''}${n(r.eta.errorSeconds, 1)} s (${n(r.eta.errorRatio * 100, 1)} %)`,
      target: `± ${n(r.target.etaErrorRatio * 100)} %`,
      met: Math.abs(r.eta.errorRatio) <= r.target.etaErrorRatio,
    },
  ];
}

function journalRows(r: JournalBench): BenchRow[] {
  const ms = (s: { p50: number; p95: number }) => `${n(s.p50, 1)} / ${n(s.p95, 1)} ms`;
  return r.cases.flatMap((c) =>
    (['first', 'end'] as const).map((where) => {
      const m = c[where];
      return {
        item: 'journal',
        measure: `Journal à ${n(r.invoices)} factures, ${c.filter} (${n(c.total)} lignes), ${where === 'first' ? 'première' : 'dernière'} fenêtre : p50 / p95 via le contrat`,
        figure: `${ms(m.contract)} (après une écriture : ${ms(m.contractAfterWrite)})`,
        baseline: `${ms(m.direct)} (même SQL en direct)`,
        ratio: `${n(m.contract.p50 / m.direct.p50, 2)} (après écriture ${n(m.contractAfterWrite.p50 / m.direct.p50, 2)})`,
        target: '—',
        met: null,
      };
    }),
  );
}

function coldStartRows(r: ColdStartBench): BenchRow[] {
  const s = (ms: number) => `${n(ms / 1000, 2)} s`;
  return [
    {
      item: 'journal',
      measure: `Démarrage à froid jusqu’au journal utilisable dans Chromium (${r.large.networkInvoices}), médiane sur ${r.runs}`,
      figure: `journal ouvert ${s(r.large.journalReadyMs)}, réseau entier ${s(r.large.networkRowMs)}`,
      baseline: `${s(r.baselineEmptyMs)} (dossier de données vide)`,
      ratio: `${n(r.ratio, 1)} ×`,
      target: '—',
      met: null,
    },
  ];
}

/** The rows of each item by name; run.ts places them in the order. */
export function benchRows(
  results: Results,
): Record<'pdf' | 'pipeline' | 'journal' | 'memory' | 'coldStart' | 'throttle', BenchRow[]> {
  const r = results as {
    invoicePdf?: PdfBench;
    bulkPipeline?: PipelineFigures;
    memory?: MemoryFigures;
    throttle?: ThrottleFigures;
    journal?: JournalBench;
    coldStart?: ColdStartBench;
  };
  return {
    pdf: r.invoicePdf ? pdfRows(r.invoicePdf) : [],
    pipeline: r.bulkPipeline ? pipelineRows(r.bulkPipeline) : [],
    journal: r.journal ? journalRows(r.journal) : [],
    memory: r.memory ? memoryRows(r.memory) : [],
    coldStart: r.coldStart ? coldStartRows(r.coldStart) : [],
    throttle: r.throttle ? throttleRows(r.throttle) : [],
  };
}
