// The reports' charts as plain SVG: a polyline per series over the months, scaled to the box, with the zero line.
// Pure: no DOM, tested directly.
import type { TrendPoint } from "../../contracts/financial_report_view";

export type SeriesKey = "revenue" | "expenses" | "margin" | "cash";

export interface ChartLine {
  key: SeriesKey;
  points: string;
}

export interface Chart {
  width: number;
  height: number;
  lines: ChartLine[];
  /** y of the zero line, or null when zero is out of the box. */
  zeroY: number | null;
  ticks: { x: number; label: string }[];
  min: number;
  max: number;
}

const PAD = 8;

export function trendChart(points: readonly TrendPoint[], series: readonly SeriesKey[], width = 560, height = 160): Chart {
  const values = points.flatMap((p) => series.map((key) => p[key]));
  const min = Math.min(0, ...values);
  let max = Math.max(0, ...values);
  if (max === min) max = min + 1;
  const x = (index: number): number =>
    points.length <= 1 ? width / 2 : PAD + (index * (width - 2 * PAD)) / (points.length - 1);
  const y = (value: number): number => PAD + ((max - value) * (height - 2 * PAD)) / (max - min);
  const round = (n: number): string => (Math.round(n * 10) / 10).toString();
  const lines = series.map((key) => ({
    key,
    points: points.map((p, i) => `${round(x(i))},${round(y(p[key]))}`).join(" "),
  }));
  const zero = y(0);
  return {
    width,
    height,
    lines,
    zeroY: zero >= 0 && zero <= height ? Math.round(zero * 10) / 10 : null,
    ticks: points.map((p, i) => ({ x: Math.round(x(i) * 10) / 10, label: p.month.slice(5) })),
    min,
    max,
  };
}
