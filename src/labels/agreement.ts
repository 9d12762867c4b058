// Agreement of the pseudo labels with a known truth (the synthetic generator's own decision, or
// any sidecar of the same shape): rate, confusion matrix, yielder agreement, and the disagreeing
// scene ids so a person can look at them.
import { LABEL_NAMES, NO_INTERACTION, type LabelIndex, type PairDetail } from './index';

/** The part of a truth record the labels are checked against (SynthTruth has these fields). */
export interface PassTruth {
  id: string;
  layout?: string;
  interactive: boolean;
  first: 'A' | 'B' | null;
  yielder: 'A' | 'B' | null;
}

export function truthLabel(t: PassTruth): LabelIndex {
  if (!t.interactive || t.first === null) return NO_INTERACTION;
  return t.first === 'A' ? 0 : 1;
}

export interface Disagreement {
  id: string;
  layout: string;
  truth: LabelIndex;
  label: LabelIndex;
  reason: string;
}

export class Agreement {
  n = 0;
  agree = 0;
  /** confusion[truth][label] */
  readonly confusion: number[][] = LABEL_NAMES.map(() => LABEL_NAMES.map(() => 0));
  /** Among scenes where both say who went first: same yielder (or both none). */
  yielderSame = 0;
  yielderCount = 0;
  readonly disagreements: Disagreement[] = [];
  readonly byLayout = new Map<string, { n: number; agree: number }>();

  add(truth: PassTruth, label: PairDetail): void {
    const t = truthLabel(truth);
    const layout = truth.layout ?? '-';
    const row = this.byLayout.get(layout) ?? { n: 0, agree: 0 };
    this.byLayout.set(layout, row);
    this.n++;
    row.n++;
    this.confusion[t]![label.label]!++;
    if (t === label.label) {
      this.agree++;
      row.agree++;
      if (t !== NO_INTERACTION) {
        this.yielderCount++;
        if (truth.yielder === label.yielder) this.yielderSame++;
      }
    } else
      this.disagreements.push({ id: truth.id, layout, truth: t, label: label.label, reason: label.reason });
  }

  get rate(): number {
    return this.n === 0 ? NaN : this.agree / this.n;
  }

  /** Multi-line report: rate, per layout, confusion matrix, yielder agreement, disagreements. */
  format(): string {
    const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(2)}%`);
    const lines = [`agreement with truth: ${this.agree}/${this.n} = ${pct(this.agree, this.n)}`];
    for (const [l, r] of [...this.byLayout].sort())
      lines.push(`  ${l.padEnd(20)} ${r.agree}/${r.n} = ${pct(r.agree, r.n)}`);
    const w = Math.max(...LABEL_NAMES.map((n) => n.length)) + 2;
    lines.push(`confusion (rows truth, columns label):`);
    lines.push(`  ${''.padEnd(w)}${LABEL_NAMES.map((n) => n.padStart(w)).join('')}`);
    this.confusion.forEach((row, i) =>
      lines.push(`  ${LABEL_NAMES[i]!.padEnd(w)}${row.map((c) => String(c).padStart(w)).join('')}`),
    );
    lines.push(
      `yielder agrees on ${this.yielderSame}/${this.yielderCount} = ${pct(this.yielderSame, this.yielderCount)} of agreeing interactions`,
    );
    if (this.disagreements.length > 0) lines.push(`disagreements (${this.disagreements.length}):`);
    for (const d of this.disagreements)
      lines.push(
        `  ${d.id} (${d.layout}): truth '${LABEL_NAMES[d.truth]}', label '${LABEL_NAMES[d.label]}' (${d.reason})`,
      );
    return lines.join('\n');
  }
}
