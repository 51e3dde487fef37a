// One Apache ECharts chart in the page (issue 5 item 4; design §4: charts with ECharts). Only the
// bar chart and the components the dashboards use are loaded (echarts/core), drawn as SVG so the
// text stays sharp and selectable; the chart follows its container's size and is disposed with
// the component. The option comes from shared/report-charts.ts, the same the server renders.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ChartOption, ChartTarget } from '../../../shared/report-charts.js';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

/**
 * A title or subtitle wider than a narrow container (a phone) ends in "…" rather than being cut at
 * both edges; the layout below it (legend, grid) assumes one line each.
 */
function fitTitles(c: echarts.ECharts, width: number): void {
  const titles = (c.getOption() as { title?: unknown[] }).title ?? [];
  if (titles.length === 0 || width <= 0) return;
  c.setOption({ title: titles.map(() => ({ textStyle: { width: Math.max(80, width - 16), overflow: 'truncate' } })) });
}

export interface EChartProps {
  /** Marks the element (`data-chart`) for tests and for the page's own links. */
  name: string;
  option: ChartOption;
  height: number;
  /** A short Vietnamese description for screen readers (the chart's title). */
  label: string;
  /** Called with the clicked bar's target, when it has one (shared/report-charts.ts ChartTarget). */
  onTarget?: (target: ChartTarget) => void;
}

export function EChart({ name, option, height, label, onTarget }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const handler = useRef(onTarget);
  handler.current = onTarget;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el, null, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (params) => {
      const target = (params.data as { target?: ChartTarget } | undefined)?.target;
      if (target && handler.current) handler.current(target);
    });
    const observer = new ResizeObserver(() => {
      c.resize();
      fitTitles(c, el.clientWidth);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  const clickable = onTarget !== undefined;
  useEffect(() => {
    // Bars that lead nowhere do not look clickable.
    const series = option.series as Record<string, unknown>[] | undefined;
    const shown = clickable || !series ? option : { ...option, series: series.map((x) => ({ ...x, cursor: 'default' })) };
    const c = chart.current;
    if (!c || !ref.current) return;
    c.setOption(shown, { notMerge: true });
    fitTitles(c, ref.current.clientWidth);
  }, [option, clickable]);

  return <div ref={ref} data-chart={name} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
