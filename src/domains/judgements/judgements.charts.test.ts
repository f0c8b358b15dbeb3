import { describe, expect, it } from 'vitest';
import { createChartCache, renderSparkline, renderSpcChart } from './judgements.charts.ts';

const points = [
  { month: '2024-11-01', value: 4, inRun: false, type: null },
  { month: '2025-01-01', value: 10, inRun: true, type: 'common-cause' as const },
  { month: '2025-02-01', value: 12, inRun: true, type: 'concern' as const },
];

describe('server-rendered SPC charts', () => {
  const chart = renderSpcChart({
    label: 'Burglaries & "charges"',
    unit: 'crimes',
    points,
    limits: { mean: 11, upperLimit: 16, lowerLimit: 6 },
  });

  it('is an SVG image named by its label, with no inline style for the security policy to refuse', () => {
    expect(chart).toMatch(/^<svg [^>]*role="img"/);
    expect(chart).toMatch(/^<svg [^>]*aria-label="Burglaries & &quot;charges&quot;"/);
    expect(chart).toContain('<title>Burglaries &amp; "charges"</title>');
    expect(chart).not.toContain('<style');
    expect(chart).not.toMatch(/\sstyle=/);
    expect(chart).toContain('class="peelian-chart"');
    // Only the image itself is named: a name on one of Plot's groups is not allowed.
    expect(chart.match(/aria-label=/g)).toHaveLength(1);
  });

  it('colours judged points by type and draws the points before a gap apart', () => {
    expect(chart).toContain('fill="#d4351c"');
    expect(chart).toContain('fill="#6f777b"');
    expect(chart).toContain('stroke="#b1b4b6"');
    expect(chart).toContain('stroke-dasharray="5,4"');
  });

  it('breaks the line at a missing month and marks it, never bridging the gap', () => {
    const month = (m: string, value: number) => ({
      month: m,
      value,
      inRun: true,
      type: 'common-cause' as const,
    });
    // The value line is the one path with no transform (the axes' ticks have one each).
    const line = (svg: string) => [...svg.matchAll(/<path d="([^"]+)" \/>/g)].at(-1)?.[1] ?? '';
    const gapped = renderSpcChart({
      label: 'Gapped',
      unit: 'crimes',
      points: [
        month('2025-05-01', 10),
        month('2025-06-01', 12),
        month('2025-08-01', 11),
        month('2025-09-01', 9),
      ],
      limits: null,
    });
    // Two pieces of line (each starting with M): May to June, and August to September.
    expect(line(gapped).match(/M/g)).toHaveLength(2);
    expect(gapped).toContain('stroke-dasharray="1,3"');
    const unbroken = renderSpcChart({
      label: 'Unbroken',
      unit: 'crimes',
      points: [month('2025-05-01', 10), month('2025-06-01', 12), month('2025-07-01', 11)],
      limits: null,
    });
    expect(line(unbroken).match(/M/g)).toHaveLength(1);
    expect(unbroken).not.toContain('stroke-dasharray="1,3"');
  });

  it('marks dated events with numbered dashed lines, for the list under the chart to name', () => {
    const marked = renderSpcChart({
      label: 'Marked',
      unit: 'crimes',
      points,
      limits: null,
      markers: [{ date: '2025-01-15', number: 3 }],
    });
    expect(marked).toContain('stroke="#00703c"');
    expect(marked).toContain('stroke-dasharray="2,3"');
    expect(marked).toMatch(/<text[^>]*>3<\/text>/);
    expect(chart).not.toContain('#00703c');
  });

  it('draws a sparkline of the judged months only, and keeps each drawing until its key changes', () => {
    const cache = createChartCache(2);
    let drawn = 0;
    const draw = () => {
      drawn += 1;
      return renderSparkline({ label: 'Small', points, mean: 11 });
    };
    const first = cache('a', draw);
    expect(cache('a', draw)).toBe(first);
    expect(drawn).toBe(1);
    cache('b', draw);
    cache('c', draw);
    cache('a', draw);
    expect(drawn).toBe(4);
    expect(first).toMatch(/^<svg [^>]*role="img"/);
    expect(first.match(/<circle /g)).toHaveLength(1);
  });
});
