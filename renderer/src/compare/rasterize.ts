/**
 * The charts of the 图解 appendix as PNG at print resolution, for Word
 * processors that cannot show the SVG: drawn by the browser from the very
 * SVG the page and the .docx use (shared code has no canvas).
 */
import { chartSvg, reportCharts } from '../../../shared/compare/charts.ts';
import type { Report } from '../../../shared/model/report.ts';

/** 640 px charts at ×3 are 1920 px over the 148 mm they print at: about 330 dpi. */
const PRINT_SCALE = 3;

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('chart image failed to load'));
    image.src = src;
  });
}

async function pngBase64(svg: string): Promise<string> {
  const image = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth * PRINT_SCALE;
  canvas.height = image.naturalHeight * PRINT_SCALE;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}

export async function chartImages(report: Report): Promise<{ id: string; png: string }[]> {
  return Promise.all(reportCharts(report).map(async (chart) => ({ id: chart.id, png: await pngBase64(chartSvg(chart)) })));
}
