/**
 * One figure on a dashboard: a label, the value large (compact), the exact value small, a note on
 * how it is computed, and optionally a change (coloured by whether it is good news) and a score band.
 */
import type { ReactNode } from 'react';

export interface KpiDelta {
  text: string;
  /** the sign of the change */
  direction: 'up' | 'down' | 'flat';
  /** whether this direction is good news (arrears going down is) */
  good: boolean;
}

export interface KpiScore {
  score: number;
  label: string;
  /** the bands, e.g. "5 > 90% · 4 > 85% …" */
  bands: string;
}

export interface KpiCardProps {
  label: string;
  value: string;
  /** the exact figure under the compact one, e.g. Rp8.023.456.789 */
  exact?: string;
  note?: ReactNode;
  deltas?: readonly KpiDelta[];
  score?: KpiScore | null;
  /** the raw number, for tests and copy-paste (data-value) */
  raw?: number | null;
  name: string;
  emphasis?: boolean;
}

const ARROW = { up: '▲', down: '▼', flat: '■' } as const;

export function KpiCard({ label, value, exact, note, deltas, score, raw, name, emphasis }: KpiCardProps) {
  return (
    <article className={`kpi${emphasis ? ' kpi-emphasis' : ''}`} data-kpi={name} data-value={raw ?? undefined}>
      <h3 className="kpi-label">{label}</h3>
      <p className="kpi-value">{value}</p>
      {exact ? <p className="kpi-exact">{exact}</p> : null}
      {deltas?.map((d) => (
        <p key={d.text} className={`kpi-delta ${d.direction === 'flat' ? 'kpi-neutral' : d.good ? 'kpi-good' : 'kpi-bad'}`}>
          <span aria-hidden="true">{ARROW[d.direction]}</span> {d.text}
        </p>
      ))}
      {score ? (
        <p className="kpi-score" title={score.bands}>
          <span className={`score-badge score-${score.score}`}>{score.label}</span>
          <span className="kpi-bands">{score.bands}</span>
        </p>
      ) : null}
      {note ? <p className="kpi-note">{note}</p> : null}
    </article>
  );
}
