import { readFile } from 'node:fs/promises';
import { CARD_TEXT, CARD_TEXT_WIDTH } from '../../shared/domain/mapSvg';
import { CARD_WIDTH } from '../../shared/domain/orgLayout';
import { fitText, textWidth } from '../../shared/domain/textFit';
import { test, expect } from './pages/fixtures';
import type { MapTab } from './pages/MapTab';
import type { NewAccountDialog } from './pages/NewAccountDialog';

/**
 * Three people drawn with the mouse. The Map tab of a new account shows an empty state,
 * not a canvas, so the first person comes from its "Add person" button (placed in the
 * middle of the canvas); the others are added by double-clicking the empty canvas at
 * two other places (relative to the canvas' top-left corner, clear of the zoom controls
 * bottom-left and the minimap bottom-right).
 */
const BEN_AT = { x: 150, y: 90 };
const CLEO_AT = { x: 640, y: 90 };

async function drawThreePeople(newAccount: NewAccountDialog, map: MapTab, account: string): Promise<void> {
  await newAccount.createAccount({ name: account });
  await map.open();
  await expect(map.emptyHeading).toBeVisible();
  await map.emptyAddPerson.click();
  await expect(map.canvas).toHaveAccessibleName(`Stakeholder map of ${account}`);
  await map.rename('New person', 'Ada CEO');

  await map.addByDoubleClick(BEN_AT);
  await map.rename('New person', 'Ben VP');
  await map.addByDoubleClick(CLEO_AT);
  await map.rename('New person', 'Cleo Eng');

  await expect(map.nodes).toHaveCount(3);
  // Three different places: no two cards overlap.
  const boxes = await Promise.all(['Ada CEO', 'Ben VP', 'Cleo Eng'].map((n) => map.box(map.node(n))));
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap, `cards ${i} and ${j} overlap`).toBe(false);
    }
  // The double-click put the new card where the pointer was (its middle, snapped to the 16px grid).
  const canvas = await map.box(map.canvas);
  const ben = boxes[1]!;
  expect(Math.abs(ben.x + ben.width / 2 - (canvas.x + BEN_AT.x))).toBeLessThanOrEqual(16);
  expect(Math.abs(ben.y + ben.height / 2 - (canvas.y + BEN_AT.y))).toBeLessThanOrEqual(16);
}

/** Where each card is in an exported SVG (its translate), and the drawing's origin and width. */
function cardsOf(svg: string): { minX: number; minY: number; width: number; cards: Array<{ id: string; x: number; y: number }> } {
  const vb = /viewBox="(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+)"/.exec(svg);
  expect(vb, 'the SVG has a viewBox').not.toBeNull();
  const cards = [...svg.matchAll(/<g data-person="([^"]+)" transform="translate\((-?[\d.]+) (-?[\d.]+)\)">/g)].map((m) => ({
    id: m[1]!,
    x: Number(m[2]),
    y: Number(m[3]),
  }));
  return { minX: Number(vb![1]), minY: Number(vb![2]), width: Number(vb![3]), cards };
}

test.describe('stakeholder map canvas', () => {
  test('three people, two lines, a stance and an undone move, drawn with the mouse, survive a reload', async ({
    page,
    shell,
    newAccount,
    map,
  }) => {
    await drawThreePeople(newAccount, map, 'Polar Grid Oy');

    // Lines: drag from a card's handle (shown on hover) and let go over the other card —
    // on the middle of the card for the first, on its nearest handle for the second.
    await map.connect('Ben VP', 'Ada CEO', 'Reports to', 'Ben VP reports to Ada CEO', 'centre');
    await map.connect('Cleo Eng', 'Ben VP', 'Influences', 'Cleo Eng influences Ben VP');
    await expect(map.edges).toHaveCount(2);

    // Ben's stance, in the panel opened by double-clicking his card.
    const benBox = await map.box(map.node('Ben VP'));
    await page.mouse.dblclick(benBox.x + benBox.width * 0.4, benBox.y + benBox.height / 2);
    await expect(map.panel('Ben VP')).toBeVisible();
    await map.selectPanelField('Stance', 'Champion');
    await expect(map.node('Ben VP')).toHaveAccessibleName('Ben VP, Champion, User');
    await map.closePanel();

    // Move Ada's card with the mouse, then undo the move with Ctrl+Z.
    const adaBefore = await map.transform('Ada CEO');
    const adaBoxBefore = await map.box(map.node('Ada CEO'));
    await map.dragCard('Ada CEO', 0, 128);
    await expect.poll(() => map.transform('Ada CEO'), { message: 'the card moved' }).not.toBe(adaBefore);
    const adaBoxMoved = await map.box(map.node('Ada CEO'));
    expect(adaBoxMoved.y - adaBoxBefore.y).toBeGreaterThan(100);
    const moved = await map.transform('Ada CEO');

    await shell.focusOutsideFields();
    await shell.undo();
    await expect.poll(() => map.transform('Ada CEO'), { message: 'Ctrl+Z puts the card back' }).toBe(adaBefore);
    const adaBoxUndone = await map.box(map.node('Ada CEO'));
    expect(Math.abs(adaBoxUndone.y - adaBoxBefore.y)).toBeLessThan(1);
    expect(Math.abs(adaBoxUndone.x - adaBoxBefore.x)).toBeLessThan(1);
    // Only the move was undone: Ben is still a champion and both lines are there.
    await expect(map.node('Ben VP')).toHaveAccessibleName('Ben VP, Champion, User');
    await expect(map.edges).toHaveCount(2);

    // Move Ben (kept), so a saved position differs from where he was added.
    const benBefore = await map.transform('Ben VP');
    await map.dragCard('Ben VP', 0, 160);
    await expect.poll(() => map.transform('Ben VP')).not.toBe(benBefore);
    await shell.waitSaved();
    const positions = { ada: await map.transform('Ada CEO'), ben: await map.transform('Ben VP'), cleo: await map.transform('Cleo Eng') };
    expect(positions.ada).toBe(adaBefore);
    expect(positions.ada).not.toBe(moved);

    await shell.reload();
    await expect(map.tab).toHaveAttribute('aria-selected', 'true');
    await expect(map.nodes).toHaveCount(3);
    await expect(map.node('Ada CEO')).toHaveAccessibleName('Ada CEO, Neutral, User');
    await expect(map.node('Ben VP')).toHaveAccessibleName('Ben VP, Champion, User');
    await expect(map.node('Cleo Eng')).toHaveAccessibleName('Cleo Eng, Neutral, User');
    await expect(map.edges).toHaveCount(2);
    await expect(map.edge('Ben VP reports to Ada CEO')).toBeAttached();
    await expect(map.edge('Cleo Eng influences Ben VP')).toBeAttached();
    expect({ ada: await map.transform('Ada CEO'), ben: await map.transform('Ben VP'), cleo: await map.transform('Cleo Eng') }).toEqual(
      positions,
    );
  });

  test('a line dropped on the middle of another card asks what kind of line it is', async ({ newAccount, map }) => {
    // The gesture: drag from a handle and let go anywhere over the other card.
    // React Flow alone connects only within 20px of a handle; the app connects to the card under the pointer.
    await drawThreePeople(newAccount, map, 'Centre Drop AB');
    await map.dragLine('Ben VP', 'Ada CEO', 'centre');
    await map.chooseLineKind('Reports to');
    await expect(map.edge('Ben VP reports to Ada CEO')).toBeAttached();
  });

  test('a reports-to cycle and a second reports-to manager are refused with a reason, and no line is added', async ({
    shell,
    newAccount,
    map,
  }) => {
    await drawThreePeople(newAccount, map, 'Refusal Test AB');
    await map.connect('Ben VP', 'Ada CEO', 'Reports to', 'Ben VP reports to Ada CEO');
    await expect(map.edges).toHaveCount(1);

    // Ada → Ben "Reports to" would close a loop.
    await map.dragLine('Ada CEO', 'Ben VP');
    await map.chooseLineKind('Reports to');
    await expect(
      shell.errorToast('That would make a reporting loop (someone would end up reporting to themselves). Check who reports to whom.'),
    ).toBeVisible();
    await expect(map.edges).toHaveCount(1);
    await expect(map.edge('Ada CEO reports to Ben VP')).toHaveCount(0);

    // Ben already reports to Ada: a second manager must be a dotted line.
    await map.dragLine('Ben VP', 'Cleo Eng');
    await map.chooseLineKind('Reports to');
    await expect(
      shell.errorToast(
        'This person already reports to someone. Draw a dotted line for a second manager, or delete the first reports-to line.',
      ),
    ).toBeVisible();
    await expect(map.edges).toHaveCount(1);
    await expect(map.edge('Ben VP reports to Cleo Eng')).toHaveCount(0);

    // The advice works: the dotted line is drawn.
    await map.connect('Ben VP', 'Cleo Eng', 'Dotted-line reports to', 'Ben VP has a dotted line to Cleo Eng');
    await expect(map.edges).toHaveCount(2);
    await shell.reload();
    await expect(map.edges).toHaveCount(2);
    await expect(map.edge('Ben VP reports to Ada CEO')).toBeAttached();
    await expect(map.edge('Ben VP has a dotted line to Cleo Eng')).toBeAttached();
  });

  test('double-clicking a line changes its kind, with the same rules, and undo changes it back', async ({
    page,
    shell,
    newAccount,
    map,
  }) => {
    await drawThreePeople(newAccount, map, 'Line Kinds AB');
    await map.connect('Cleo Eng', 'Ada CEO', 'Influences', 'Cleo Eng influences Ada CEO');
    // React Flow draws each line with a wide invisible stroke to make it easy to hit.
    await map.edge('Cleo Eng influences Ada CEO').dblclick({ force: true });
    await expect(page.getByRole('dialog', { name: 'Change the line' })).toBeVisible();
    await page.getByRole('radio', { name: /^Alliance\b/ }).check();
    await page.getByRole('button', { name: 'Change line' }).click();
    await expect(map.edge('Cleo Eng and Ada CEO: alliance')).toBeAttached();
    await shell.waitSaved();
    await page.locator('body').focus();
    await page.keyboard.press('Control+z');
    await expect(map.edge('Cleo Eng influences Ada CEO')).toBeAttached();
  });

  test('logging a contact turns the card’s freshness badge from “No contact” to a green “0 days”', async ({ shell, newAccount, map }) => {
    await newAccount.createAccount({ name: 'Fresh Contact AB' });
    await map.open();
    await map.addPersonNamed('Ada CEO');
    const badge = map.freshBadge('Ada CEO');
    await expect(badge).toHaveText('No contact');
    await expect(map.contactLog.getByText('No contact logged yet.')).toBeVisible();

    // An old contact first: the badge counts the days and is not green.
    await map.logContact({ date: await shell.localDate(-20), channel: 'Call', attendee: 'Mette Lund', notes: 'Budget talk' });
    await expect(badge).toHaveText('20 days');
    expect(await map.hasThemeColour(badge, '--success'), '20 days is past the 14-day green threshold').toBe(false);

    await map.logContact({ date: await shell.localDate(), channel: 'Meeting', notes: 'Kick-off' });
    await expect(badge).toHaveText('0 days');
    expect(await map.hasThemeColour(badge, '--success'), 'a contact today is green').toBe(true);
    await expect(map.anyPanel.getByTitle('Contacted recently')).toHaveText('0 days');
    await expect(map.contactLog.getByRole('listitem')).toHaveCount(2);
    await expect(map.contactLog.getByRole('listitem').first()).toContainText('Kick-off');

    await shell.reload();
    await expect(map.freshBadge('Ada CEO')).toHaveText('0 days');
    expect(await map.hasThemeColour(map.freshBadge('Ada CEO'), '--success')).toBe(true);
  });

  test('“Add person” in the toolbar puts every new card in view, never under the minimap or the zoom controls', async ({
    newAccount,
    map,
  }) => {
    await newAccount.createAccount({ name: 'Crowded Map AB' });
    await map.open();
    await map.addPersonNamed('Person 1');
    // The middle of the view is taken by the first card: the next ones go around it, ring by ring
    // (before the fix the ninth went down-right of the middle, under the minimap).
    for (let i = 2; i <= 12; i++) {
      await map.addPersonNamed(`Person ${i}`);
      await expect.poll(() => map.hiddenPart(`Person ${i}`), { message: `Person ${i} is seen whole`, timeout: 3000 }).toBeNull();
    }
    await expect(map.nodes).toHaveCount(12);
  });

  test('a contact dated in the year 30000 is refused with what to do, in the date field’s own format, and what was typed stays', async ({
    newAccount,
    map,
    locale,
  }) => {
    await newAccount.createAccount({ name: 'Far Future AB' });
    await map.open();
    await map.addPersonNamed('Ada CEO');
    const digits = (iso: string) =>
      new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(
        new Date(`${iso}T00:00:00Z`),
      );
    const message = `Enter a date between ${digits('1900-01-01')} and ${digits('2999-12-31')}.`;
    expect(locale, 'the field is typed month, day, year').toBe('en-US');

    // January 15 of the year 30000, typed into the field part by part.
    await map.typeContactDate(['01', '15', '30000']);
    await expect(map.contactDate, 'the year typed stays as typed (not cut to four digits, not today)').toHaveValue('30000-01-15');
    await expect(map.contactLog.getByRole('alert')).toHaveText(message);
    await expect(map.contactDate).toHaveAccessibleDescription(message);
    await expect(map.contactDate).toHaveAttribute('aria-invalid', 'true');
    await expect(map.anyPanel.getByText(/YYYY/)).toHaveCount(0);
    await expect(map.logContactButton).toBeDisabled();
    await map.page.keyboard.press('Enter');
    await expect(map.contactLog.getByText('No contact logged yet.')).toBeVisible();
    await expect(map.freshBadge('Ada CEO')).toHaveText('No contact');

    // Leaving the field keeps the date and the message.
    await map.contactLog.getByLabel('Our attendee', { exact: true }).focus();
    await expect(map.contactDate).toHaveValue('30000-01-15');
    await expect(map.contactLog.getByRole('alert')).toHaveText(message);

    // The year corrected: the message goes and the contact is logged on that day.
    await map.contactDate.focus();
    await map.typeContactDate(['01', '15', '2025']);
    await expect(map.contactDate).toHaveValue('2025-01-15');
    await expect(map.contactLog.getByRole('alert')).toHaveCount(0);
    await map.logContactButton.click();
    await expect(map.contactLog.getByRole('listitem')).toHaveCount(1);
    await expect(map.contactLog.getByRole('listitem').first()).toContainText('Jan 15, 2025');
  });

  test('“SVG” downloads the map as an SVG drawing with everyone’s name', async ({ page, newAccount, map }) => {
    await newAccount.createAccount({ name: 'Export Test AB' });
    await map.open();
    await map.addPersonNamed('Ada CEO');
    await map.addPersonNamed('Ben VP & Co <Ops>');
    await map.closePanel();

    const [download] = await Promise.all([page.waitForEvent('download'), map.svgButton.click()]);
    expect(download.suggestedFilename()).toBe('Export Test AB — stakeholder map.svg');
    const svg = await readFile(await download.path(), 'utf8');
    expect(svg.trimStart().startsWith('<svg')).toBe(true);
    expect(svg).toContain('Ada CEO');
    expect(svg).toContain('Ben VP &amp; Co &lt;Ops&gt;');
    expect(svg).toContain('Export Test AB');
    // Well-formed: the browser parses it as an SVG document without errors.
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        root: doc.documentElement.nodeName,
        errors: doc.getElementsByTagName('parsererror').length,
        text: doc.documentElement.textContent,
      };
    }, svg);
    expect(parsed).toMatchObject({ root: 'svg', errors: 0 });
    expect(parsed.text).toContain('Ben VP & Co <Ops>');
  });

  test('“PNG” draws each name in Inter, the font it was fitted with: a long name is cut to fit its card and never runs out of it', async ({
    page,
    newAccount,
    map,
  }) => {
    const names = [
      'Wilhelmina Wolfeschlegelsteinhausen-Bergerdorff',
      'Maximilian Wojciechowski-Oppenheimer',
      'Ada Lee',
      'Александра Константинопольская',
    ];
    await newAccount.createAccount({ name: 'Wide Names AB' });
    await map.open();
    for (const n of names) await map.addPersonNamed(n);
    await map.closePanel();

    // The SVG export is the same drawing: it says where each card is.
    const [svgFile] = await Promise.all([page.waitForEvent('download'), map.svgButton.click()]);
    const svg = await readFile(await svgFile.path(), 'utf8');
    expect(svg, 'the SVG file carries Inter itself').toMatch(
      /@font-face\{font-family:Inter;[^}]*font-weight:700;src:url\(data:font\/woff2;base64,/,
    );
    const layout = cardsOf(svg);
    expect(layout.cards).toHaveLength(names.length);
    const nameOf = (id: string) =>
      new RegExp(`<g data-person="${id}"[^>]*>[\\s\\S]*?<text x="16" y="24"[^>]*>([^<]*)</text>`).exec(svg)?.[1];

    const [pngFile] = await Promise.all([page.waitForEvent('download'), map.pngButton.click()]);
    const png = (await readFile(await pngFile.path())).toString('base64');
    // In Chromium: the rightmost dark pixel of each card's name row (the name is #1B1C20; the ring and stripe are lighter).
    const inkRight = await page.evaluate(
      async ({ png, layout }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${png}`;
        await img.decode();
        const c = document.createElement('canvas');
        [c.width, c.height] = [img.naturalWidth, img.naturalHeight];
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const scale = c.width / layout.width;
        const px = ctx.getImageData(0, 0, c.width, c.height).data;
        return layout.cards.map((card) => {
          const [x0, x1] = [(card.x + 8 - layout.minX) * scale, (card.x + 230 - layout.minX) * scale];
          const [y0, y1] = [(card.y + 12 - layout.minY) * scale, (card.y + 29 - layout.minY) * scale];
          let right = -1;
          for (let y = Math.round(y0); y < Math.round(y1); y++)
            for (let x = Math.round(x0); x < Math.min(c.width, Math.round(x1)); x++) {
              const i = (y * c.width + x) * 4;
              if (Math.max(px[i]!, px[i + 1]!, px[i + 2]!) < 100 && x > right) right = x;
            }
          return right < 0 ? null : right / scale + layout.minX - card.x;
        });
      },
      { png, layout },
    );
    layout.cards.forEach((card, i) => {
      const shown = nameOf(card.id) ?? '';
      const name = shown.replace(/&amp;/g, '&');
      expect(
        names.some((n) => fitText(n, CARD_TEXT_WIDTH, 13, 700) === name),
        `“${name}” is one of the names, fitted`,
      ).toBe(true);
      const ink = inkRight[i];
      expect(ink, `the name “${name}” is drawn`).not.toBeNull();
      expect(ink!, `“${name}” ends inside its card`).toBeLessThanOrEqual(CARD_WIDTH - 10);
      // Drawn as wide as Inter's metrics say (a fallback face is 10–20 % wider): the ink ends within the last glyph's advance.
      const expected = 16 + textWidth(name, CARD_TEXT.name.size, CARD_TEXT.name.weight);
      expect(ink!, `“${name}” is drawn ${Math.round(expected - 16)} px wide, as Inter measures it`).toBeGreaterThan(expected - 9);
      expect(ink!).toBeLessThanOrEqual(expected + 1);
    });
    expect(inkRight.length).toBe(names.length);
  });

  test('“PNG” downloads the map as a PNG image', async ({ page, newAccount, map }) => {
    await newAccount.createAccount({ name: 'Png Export AB' });
    await map.open();
    await map.addPersonNamed('Ada CEO');
    const [download] = await Promise.all([page.waitForEvent('download'), map.pngButton.click()]);
    expect(download.suggestedFilename()).toBe('Png Export AB — stakeholder map.png');
    const png = await readFile(await download.path());
    expect([...png.subarray(0, 8)], 'PNG signature').toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: drawn at twice the SVG’s size, so larger than twice one 200×84 card.
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBeGreaterThan(400);
    expect(height).toBeGreaterThan(168);
  });
});
