/**
 * Charts drawn on the server as inline SVG: no script, no inline style (the CSP allows
 * neither); colours come from admin.css classes. Each chart has a title and a one-sentence
 * description for screen readers, and each bar its own tooltip (<title>).
 */

/** One bar. */
export interface Bar {
  label: string;
  value: number;
  /** Text on the axis under this bar; most bars have none. */
  tick?: string;
}

const WIDTH = 720;

/** Vertical bars over time (e.g. 168 hours): ticks under some bars, the peak on the axis. */
export function ColumnChart(props: { id: string; title: string; description: string; bars: Bar[]; height?: number }) {
  const height = props.height ?? 180;
  const top = 14;
  const bottom = 22;
  const left = 34;
  const plot = height - top - bottom;
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  const step = (WIDTH - left) / Math.max(1, props.bars.length);
  const barWidth = Math.max(1, step * 0.8);
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${props.id}-title ${props.id}-desc`}>
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      <line class="axis" x1={left} y1={top + plot} x2={WIDTH} y2={top + plot} />
      <line class="grid-line" x1={left} y1={top} x2={WIDTH} y2={top} />
      <text x={left - 4} y={top + 4} text-anchor="end">
        {max}
      </text>
      <text x={left - 4} y={top + plot} text-anchor="end">
        0
      </text>
      {props.bars.map((b, i) => {
        const h = (b.value / max) * plot;
        const x = left + i * step;
        return (
          <>
            <rect class="bar" x={x.toFixed(1)} y={(top + plot - h).toFixed(1)} width={barWidth.toFixed(1)} height={h.toFixed(1)}>
              <title>{`${b.label}: ${b.value}`}</title>
            </rect>
            {b.tick && (
              <text x={x.toFixed(1)} y={height - 6}>
                {b.tick}
              </text>
            )}
          </>
        );
      })}
    </svg>
  );
}

/** Horizontal bars, one per named thing (e.g. providers), largest first. */
export function RowChart(props: { id: string; title: string; description: string; bars: Bar[] }) {
  const row = 26;
  const labelWidth = 220;
  const height = Math.max(1, props.bars.length) * row + 8;
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  const room = WIDTH - labelWidth - 60;
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${props.id}-title ${props.id}-desc`}>
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      {props.bars.map((b, i) => {
        const y = 4 + i * row;
        const w = Math.max(1, (b.value / max) * room);
        return (
          <>
            <text x={labelWidth - 8} y={y + 16} text-anchor="end">
              {b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label}
            </text>
            <rect class="bar" x={labelWidth} y={y + 3} width={w.toFixed(1)} height={row - 8}>
              <title>{`${b.label}: ${b.value}`}</title>
            </rect>
            <text x={(labelWidth + w + 6).toFixed(1)} y={y + 16}>
              {b.value}
            </text>
          </>
        );
      })}
    </svg>
  );
}
