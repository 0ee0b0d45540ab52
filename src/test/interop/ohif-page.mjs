// What the OHIF scripts read from the viewer's page: what a viewport canvas draws and what the study list shows.
// Each runs in the page (page.evaluate), so it reads the DOM as the user sees it, not OHIF's internal state.

/** Counts what a viewport canvas shows: lit pixels and distinct grey levels, read back from the canvas. */
export async function canvasContent(page) {
  return page.evaluate(() => {
    const canvases = [...document.querySelectorAll('canvas.cornerstone-canvas')].filter((c) => c.width > 0 && c.height > 0);
    let best = null;
    for (const canvas of canvases) {
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx) {
        continue;
      }
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let lit = 0;
      const levels = new Set();
      for (let i = 0; i < data.length; i += 4) {
        const v = Math.max(data[i], data[i + 1], data[i + 2]);
        if (v > 8) {
          lit++;
        }
        levels.add(v);
      }
      const stats = { width: canvas.width, height: canvas.height, pixels: canvas.width * canvas.height, lit, levels: levels.size };
      if (!best || stats.lit > best.lit) {
        best = stats;
      }
    }
    return { canvases: canvases.length, best };
  });
}

/** Whether canvasContent() found an image: at least 1 % of the canvas lit, in at least 8 grey levels. */
export function shows(content) {
  return content.best !== null && content.best.lit >= content.best.pixels * 0.01 && content.best.levels >= 8;
}

/**
 * The study list as shown: the cells of each study's row of its table, and the "1-4 of 4" label above it. An empty
 * list's notice ("No studies available") is a row of one cell across the table, not a study.
 */
export async function studyList(page) {
  return page.evaluate(() => {
    // The first row of the table body holds the filter inputs.
    const rows = [...document.querySelectorAll('table tbody tr')]
      .filter((tr) => !tr.querySelector('input') && tr.querySelectorAll('td').length > 1)
      .map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim()));
    const label = document.body.innerText.match(/\d+\s*-\s*\d+\s+of\s+\d+/);
    return { rows, label: label ? label[0] : null };
  });
}

/** OHIF greets a first visit with a guided tour whose popup would cover the image in a screenshot. */
export async function skipTour(page) {
  const skip = page.getByText('Skip all', { exact: true });
  if (await skip.isVisible().catch(() => false)) {
    await skip.click().catch(() => {});
  }
}
