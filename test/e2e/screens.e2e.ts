/**
 * The editor at the screen sizes clerks have, in Chromium: 1366×768 laptops
 * at Windows' 125 % and 150 % scaling, 1920×1080 office screens. The grid of
 * 三 is walked by keyboard and each step is checked the way a clerk sees it:
 * the current cell whole and uncovered, its row label and column header in
 * view, and (up to 1366×768 at 125 %) all seven columns without scrolling
 * sideways.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sectionGrids } from '../../renderer/src/grid/gridModel.ts';
import { cell, createReport, showSection, type ScreenSize } from './harness.ts';
import { useEditorSession } from './useEditorSession.ts';

const editor = useEditorSession();

const screen = (width: number, height: number, deviceScaleFactor: number): ScreenSize => ({
  viewport: { width, height },
  deviceScaleFactor,
});
const LAPTOP_100 = screen(1366, 768, 1);
const LAPTOP_125 = screen(1093, 614, 1.25);
const LAPTOP_150 = screen(911, 512, 1.5);
const OFFICE_100 = screen(1920, 1080, 1);
const OFFICE_150 = screen(1280, 720, 1.5);

const [REQUESTS] = sectionGrids('gov2021', '三');
const ROWS = REQUESTS!.rows.map((slots) => slots.map((s) => s.id));

async function openRequests(size: ScreenSize): Promise<Page> {
  const page = await editor.session().openEditor(size);
  await createReport(page, 2025, '某某镇人民政府');
  await showSection(page, '三');
  await cell(page, ROWS[0]![0]!).waitFor();
  return page;
}

const focusedCell = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-cell') ?? null);

/**
 * What is wrong with what the clerk sees of the focused cell: no scroll box
 * between it and the page, inside the page's visible area and the window, no
 * corner covered by anything (the sticky header rows and labels above all),
 * and its row label and column header showing beside and above it. Empty
 * when all is well.
 */
function problemsWithFocusedCell(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const input = document.activeElement;
    if (!(input instanceof HTMLInputElement) || !input.dataset.cell) return ['no cell has the focus'];
    const id = input.dataset.cell;
    const td = input.closest('td');
    const scroller = document.querySelector<HTMLElement>('main.page');
    if (!td || !scroller) return [`${id}: no table cell or page`];
    const problems: string[] = [];
    // The page is the one scroll container between the cell and the window.
    for (let up = td.parentElement; up && up !== scroller; up = up.parentElement) {
      const { overflowX, overflowY } = getComputedStyle(up);
      if (![overflowX, overflowY].every((o) => o === 'visible' || o === 'clip')) problems.push(`${id}: inside a scroll box of its own (${up.className})`);
    }
    const box = td.getBoundingClientRect();
    const frame = scroller.getBoundingClientRect();
    const scale = frame.width / scroller.offsetWidth;
    const view = {
      left: Math.max(0, frame.left),
      top: Math.max(0, frame.top),
      right: Math.min(window.innerWidth, frame.left + scroller.clientWidth * scale),
      bottom: Math.min(window.innerHeight, frame.top + scroller.clientHeight * scale),
    };
    const slack = 0.5;
    if (box.left < view.left - slack || box.top < view.top - slack || box.right > view.right + slack || box.bottom > view.bottom + slack) {
      problems.push(`${id} at ${JSON.stringify(box)} is not inside the visible page ${JSON.stringify(view)}`);
    }
    const name = (element: Element | null) => (element ? `${element.tagName.toLowerCase()} “${(element.textContent ?? '').slice(0, 20)}”` : 'nothing');
    const corners = [
      [box.left + 2, box.top + 2],
      [box.right - 2, box.top + 2],
      [box.left + 2, box.bottom - 2],
      [box.right - 2, box.bottom - 2],
    ] as const;
    for (const [x, y] of corners) {
      const hit = document.elementFromPoint(x, y);
      if (!hit || !td.contains(hit)) problems.push(`${id}: its corner at (${x.toFixed(0)}, ${y.toFixed(0)}) shows ${name(hit)}`);
    }
    const label = td.parentElement?.querySelector('th[scope="row"]');
    if (!label) {
      problems.push(`${id}: its row has no label`);
    } else {
      const labelBox = label.getBoundingClientRect();
      const hit = document.elementFromPoint((labelBox.left + labelBox.right) / 2, (box.top + box.bottom) / 2);
      if (!hit || !label.contains(hit)) problems.push(`${id}: its row label “${label.textContent}” is hidden behind ${name(hit)}`);
    }
    const column = input.getAttribute('aria-label')?.split('·').pop();
    const header = [...(td.closest('table')?.tHead?.querySelectorAll('th') ?? [])].find((th) => th.textContent === column);
    if (!header) {
      problems.push(`${id}: no column header “${column}”`);
    } else {
      const headerBox = header.getBoundingClientRect();
      const hit = document.elementFromPoint((box.left + box.right) / 2, (headerBox.top + headerBox.bottom) / 2);
      if (headerBox.bottom > box.top + slack || !hit || !header.contains(hit)) {
        problems.push(`${id}: its column header “${column}” is not in view above it (there: ${name(hit)})`);
      }
    }
    return problems;
  });
}

/** The page scrolls sideways: some of the table is out of view. */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => {
    const scroller = document.querySelector<HTMLElement>('main.page');
    return scroller ? scroller.scrollWidth > scroller.clientWidth : true;
  });

/** Whether the cell lies inside the window and the page's visible width, without scrolling. */
const withinView = (page: Page, id: string) =>
  page.evaluate((cellId) => {
    const td = document.querySelector(`[data-cell="${cellId}"]`)?.closest('td');
    const scroller = document.querySelector<HTMLElement>('main.page');
    if (!td || !scroller) return false;
    const box = td.getBoundingClientRect();
    const frame = scroller.getBoundingClientRect();
    const right = Math.min(window.innerWidth, frame.left + scroller.clientWidth * (frame.width / scroller.offsetWidth));
    return box.left >= frame.left && box.right <= right + 0.5 && box.top >= 0 && box.bottom <= window.innerHeight + 0.5;
  }, id);

describe('every screen a clerk has', () => {
  it.each([
    ['1366×768 at 100 %', LAPTOP_100],
    ['1366×768 at 125 %', LAPTOP_125],
    ['1920×1080 at 100 %', OFFICE_100],
    ['1920×1080 at 150 %', OFFICE_150],
  ])('at %s the whole of 三 is in view beside both panels: walking down, each row’s 总计 shows', async (_, size) => {
    const page = await openRequests(size);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await focusedCell(page)).toBe(ROWS[0]![0]);
    for (const [i, row] of ROWS.entries()) {
      if (i > 0) await page.keyboard.press('ArrowDown');
      expect(await focusedCell(page)).toBe(row[0]);
      expect(await problemsWithFocusedCell(page)).toEqual([]);
      for (const id of row) expect({ id, inView: await withinView(page, id) }).toEqual({ id, inView: true });
    }
    expect(await scrollsSideways(page)).toBe(false);
  });

  it.each([
    ['1366×768 at 150 %', LAPTOP_150],
    ['1366×768 at 125 %', LAPTOP_125],
  ])('at %s walking every cell of 三 by keyboard keeps it whole, uncovered, under its header and beside its label', async (_, size) => {
    const page = await openRequests(size);
    // Along each row and back along the next, as a clerk filling the table would.
    for (const [i, row] of ROWS.entries()) {
      const order = i % 2 === 0 ? row : [...row].reverse();
      if (i > 0) await page.keyboard.press('ArrowDown');
      for (const [j, id] of order.entries()) {
        if (j > 0) await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
        expect(await focusedCell(page)).toBe(id);
        expect(await problemsWithFocusedCell(page)).toEqual([]);
      }
    }
    // And back up the 总计 column with Shift+Enter.
    for (const row of [...ROWS].reverse().slice(1)) {
      await page.keyboard.press('Shift+Enter');
      expect(await focusedCell(page)).toBe(row.at(-1));
      expect(await problemsWithFocusedCell(page)).toEqual([]);
    }
  });

  it('folds the section list and the findings panel, remembers it, and then 三 fits at 150 %', async () => {
    const page = await openRequests(LAPTOP_150);
    expect(await scrollsSideways(page)).toBe(true);
    await page.getByRole('button', { name: '收起章节列表' }).click();
    await page.getByRole('button', { name: '收起检查结果' }).click();
    expect(await scrollsSideways(page)).toBe(false);
    // Folded, the sections are still one click away and the counts still show.
    const nav = page.getByRole('navigation', { name: '报告章节' });
    expect(await nav.getByRole('button', { name: /^三、/ }).textContent()).toMatch(/^三/);
    expect(await page.getByRole('button', { name: /^检查结果：0 个错误，\d+ 个提示$/ }).count()).toBe(1);

    await page.reload();
    await createReport(page, 2025, '某某镇人民政府');
    await showSection(page, '三');
    expect(await page.getByRole('button', { name: '展开章节列表' }).getAttribute('aria-expanded')).toBe('false');
    expect(await scrollsSideways(page)).toBe(false);
    await page.getByRole('button', { name: '展开检查结果' }).click();
    expect(await page.getByRole('complementary', { name: '检查结果' }).getByRole('heading', { name: /检查结果/ }).count()).toBe(1);
  });

  it('zooms with Ctrl+= / Ctrl+- / Ctrl+0, remembers the zoom, and walking stays in view when zoomed', async () => {
    const page = await openRequests(LAPTOP_100);
    const zoom = () => page.evaluate(() => getComputedStyle(document.documentElement).zoom);
    const width = () => page.evaluate(() => document.querySelector('table.grid')!.getBoundingClientRect().width);
    const plain = await width();
    await page.keyboard.press('Control+Equal');
    await page.keyboard.press('Control+Equal');
    expect(await zoom()).toBe('1.25');
    expect((await width()) / plain).toBeCloseTo(1.25, 2);
    await page.keyboard.press('Control+Minus');
    expect(await zoom()).toBe('1.1');

    await page.reload();
    await createReport(page, 2025, '某某镇人民政府');
    await showSection(page, '三');
    expect(await zoom()).toBe('1.1');
    for (const row of ROWS.slice(1)) {
      await page.keyboard.press('Enter');
      expect(await focusedCell(page)).toBe(row[0]);
      expect(await problemsWithFocusedCell(page)).toEqual([]);
    }
    await page.keyboard.press('Control+0');
    expect(await zoom()).toBe('1');
  });
});

describe('what a clerk tripped over in the grid, in Chromium', () => {
  it('a click on a cell selects its content, so typing replaces it; a click into the focused cell places the caret', async () => {
    const page = await openRequests(LAPTOP_125);
    const business = cell(page, 'requests.new.business');
    await business.click();
    await page.keyboard.type('45');
    await page.keyboard.press('Enter');
    await business.click();
    await page.keyboard.type('7');
    expect(await business.inputValue()).toBe('7');
    await business.click();
    await page.keyboard.press('Home');
    await page.keyboard.type('1');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('2');
    expect(await business.inputValue()).toBe('172');
    expect(await focusedCell(page)).toBe('requests.new.business');
  });

  it('shows a cell’s tip whole, over everything, without adding a scrollbar', async () => {
    const page = await openRequests(LAPTOP_150);
    const scrollSize = () =>
      page.evaluate(() => {
        const scroller = document.querySelector<HTMLElement>('main.page')!;
        return [scroller.scrollWidth, scroller.scrollHeight];
      });
    const last = cell(page, 'requests.carried_out.natural');
    await last.click();
    const before = await scrollSize();
    await page.keyboard.type('-1');
    const tip = page.locator('#cell-requests\\.carried_out\\.natural-tip');
    await expect.poll(() => tip.evaluate((element) => element.matches(':popover-open'))).toBe(true);
    const box = (await tip.boundingBox())!;
    const size = page.viewportSize()!;
    expect(box.width).toBeGreaterThan(50);
    expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height).toBe(true);
    // It lies above or below its cell, not over it.
    const cellBox = (await last.boundingBox())!;
    expect(box.y + box.height <= cellBox.y + 1 || box.y >= cellBox.y + cellBox.height - 1).toBe(true);
    expect(await scrollSize()).toEqual(before);
    // Neither focused nor under the mouse: hidden.
    await page.mouse.move(1, 1);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => tip.evaluate((element) => element.matches(':popover-open'))).toBe(false);
  });

  it('keeps the toolbar on one line at 150 % on a 1366×768 laptop', async () => {
    const page = await openRequests(LAPTOP_150);
    const rows = await page.locator('.toolbar-buttons button').evaluateAll((buttons) => new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top))).size);
    expect(rows).toBe(1);
    const fits = await page.evaluate(() => {
      const bar = document.querySelector('.toolbar')!;
      const last = [...bar.querySelectorAll('button')].at(-1)!.getBoundingClientRect();
      return last.right <= bar.getBoundingClientRect().right && bar.scrollWidth <= bar.clientWidth;
    });
    expect(fits).toBe(true);
    expect(await page.getByRole('toolbar', { name: '工具栏' }).getByRole('button').count()).toBeGreaterThan(10);
  });

  it('typing on a grey total says how to override it', async () => {
    const page = await openRequests(LAPTOP_125);
    await cell(page, 'requests.new.total').click();
    await page.keyboard.type('9');
    const tip = page.getByRole('tooltip');
    await expect.poll(() => tip.textContent()).toBe('合计由系统计算；按 F2 可改写');
    expect(await tip.isVisible()).toBe(true);
    await page.keyboard.press('F2');
    await page.keyboard.type('9');
    expect(await cell(page, 'requests.new.total').getAttribute('data-provenance')).toBe('override');
  });

  it('a total in a tall row fills its cell, and a click at the cell’s top edge lands in it', async () => {
    const page = await openRequests(LAPTOP_125);
    const total = cell(page, 'requests.partly_granted.total');
    const heights = await total.evaluate((input) => [input.getBoundingClientRect().height, input.closest('td')!.getBoundingClientRect().height]);
    expect(heights[1]).toBeGreaterThan(40);
    // All of it but the cell's 1 px bottom border.
    expect(heights[1]! - heights[0]!).toBeLessThanOrEqual(1.5);
    const td = (await total.evaluate((input) => {
      const r = input.closest('td')!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width };
    }))!;
    await page.mouse.click(td.x + td.width / 2, td.y + 2);
    expect(await focusedCell(page)).toBe('requests.partly_granted.total');
  });

  it('keeps the findings panel’s header in view while its list scrolls', async () => {
    const page = await openRequests(LAPTOP_150);
    const panel = page.getByRole('complementary', { name: '检查结果' });
    const tops = await panel.evaluate((aside) => {
      aside.scrollTop = aside.scrollHeight;
      const head = aside.querySelector('h2')!.getBoundingClientRect();
      return { scrolled: aside.scrollTop, head: head.top, panel: aside.getBoundingClientRect().top };
    });
    expect(tops.scrolled).toBeGreaterThan(100);
    expect(tops.head).toBeGreaterThanOrEqual(tops.panel);
    expect(tops.head - tops.panel).toBeLessThan(20);
  });

  it('choosing a section puts the clerk at its first field', async () => {
    const page = await openRequests(LAPTOP_125);
    expect(await focusedCell(page)).toBe('requests.new.natural');
    await showSection(page, '二');
    expect(await focusedCell(page)).toBe('art20_1.regulations.issued');
    await showSection(page, '一');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('narrative-一');
    await page.getByRole('navigation', { name: '报告章节' }).getByRole('button', { name: '基本信息' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('organ');
  });
});
