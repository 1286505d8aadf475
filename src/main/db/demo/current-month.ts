// The demo's month in progress, not billed yet: the débours reception has entered so far and
// the residents away in hospital, so that preparing this month's billing shows relevés de
// débours and absence reductions as a real month would.
import type Database from 'better-sqlite3';
import { isoOf, type Month } from './calendar';
import type { BilledResident } from './billing';
import { DEBOURS } from './places';
import type { Random } from './random';

export interface CurrentMonthFigures {
  debours: number;
  absences: number;
}

export function recordCurrentMonth(
  db: Database.Database,
  input: { rng: Random; month: Month; todayDay: number; residents: readonly BilledResident[] },
): CurrentMonthFigures {
  const { rng, month, todayDay } = input;
  const figures: CurrentMonthFigures = { debours: 0, absences: 0 };
  const debours = db.prepare(
    'INSERT INTO debours (resident_id, date, label, amount_cents) VALUES (?, ?, ?, ?)',
  );
  const absence = db.prepare(
    `INSERT INTO absences (resident_id, kind, start_date, end_date, created_at)
     VALUES (?, 'hospitalisation', ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const r of input.residents) {
      const from = Math.max(r.plan.admission, month.start);
      const to = Math.min(r.plan.discharge ?? todayDay + 1, todayDay + 1);
      if (to <= from) continue;
      if (rng.chance(0.4)) {
        const kind = rng.weighted(DEBOURS);
        debours.run(
          r.id,
          isoOf(rng.int(from, to - 1)),
          kind.label,
          rng.int(kind.min / 10, kind.max / 10) * 10,
        );
        figures.debours++;
      }
      // About one resident in twenty-five goes to hospital in a month, for 2 to 12 days.
      if (to - from > 2 && rng.chance(0.04)) {
        const start = rng.int(from, to - 2);
        const end = start + rng.int(1, 11);
        absence.run(
          r.id,
          isoOf(start),
          end < todayDay ? isoOf(end) : null,
          `${isoOf(start)}T09:00:00.000Z`,
        );
        figures.absences++;
      }
    }
  }).immediate();
  return figures;
}
