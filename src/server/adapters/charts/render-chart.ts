// Charts drawn on the server (issue 5 item 4): the dashboards' ECharts options (shared/
// report-charts.ts) rendered to SVG by ECharts' own server-side renderer, and to PNG by resvg for
// the Word documents (which embed the SVG with a PNG fallback). Only the Liberation Serif fonts
// shipped in assets/fonts are loaded, never the machine's: the PNG looks the same on every server
// and Vietnamese diacritics always have glyphs (offices are often offline; design §4: fonts are
// local).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';

/** assets/fonts at the package root, four levels above this file (src/server/adapters/charts). */
const FONT_DIR = fileURLToPath(new URL('../../../../assets/fonts/', import.meta.url));
const FONT_FILES = ['Regular', 'Bold', 'Italic', 'BoldItalic'].map((s) => `${FONT_DIR}LiberationSerif-${s}.ttf`);

export interface ChartSize {
  /** CSS pixels (96 per inch), as ECharts lays the chart out. */
  width: number;
  height: number;
}

/**
 * One chart as an SVG document. Animation is off (a server render is one frame), and the chart is
 * disposed at once: nothing stays in memory between requests.
 */
export function renderChartSvg(option: object, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...(option as Record<string, unknown>), animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

let fontFiles: string[] | null = null;
function fonts(): string[] {
  if (!fontFiles) {
    const missing = FONT_FILES.filter((f) => !fs.existsSync(f));
    if (missing.length > 0) throw new Error(`Chart fonts missing: ${missing.join(', ')} (assets/fonts ships Liberation Serif).`);
    fontFiles = FONT_FILES;
  }
  return fontFiles;
}

/**
 * The SVG as a PNG `widthPx` wide (the height follows the SVG's proportions), on white: a Word page
 * is white and a transparent PNG shows black in some viewers.
 */
export function svgToPng(svg: string, widthPx: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.max(1, Math.round(widthPx)) },
    background: '#ffffff',
    font: { fontFiles: fonts(), loadSystemFonts: false, defaultFontFamily: 'Liberation Serif', serifFamily: 'Liberation Serif' },
  });
  return resvg.render().asPng();
}
