import { defaultAccountFields, type AccountFields } from '../../shared/domain/account';
import { toMinor } from '../../shared/domain/money';
import { CARD_HEIGHT, CARD_WIDTH } from '../../shared/domain/orgLayout';
import { defaultPersonFields, type PersonFields } from '../../shared/domain/stakeholders';
import { test, expect } from './pages/fixtures';
import type { MapTab } from './pages/MapTab';
import type { CommandPalette } from './pages/CommandPalette';
import { SeedDevice } from './seed';

const ACCOUNT = 'Kestrel Cold Chain AB';
const DEVICE = 'Field laptop';
const FIRST = ['Anja', 'Bernd', 'Clara', 'Dieter', 'Elif', 'Frank', 'Greta', 'Hakan', 'Ines', 'Jonas', 'Katrin', 'Lukas'];
const LAST = ['Albrecht', 'Brandt', 'Cramer', 'Dorn', 'Engel', 'Fischer', 'Graf'];
/** Far to the right of and below everyone else: off screen whenever the others are in view. */
const FAR = { name: 'Zora Quist', x: 6000, y: 3600 };
const NEAR = 'Anja Albrecht';

/** One account with 85 people: 84 in a 12 × 7 grid of cards from the origin, and one far away. */
async function bigMap() {
  const dev = new SeedDevice('5eed00000000f0c5', DEVICE);
  const accountId = dev.add<AccountFields>(
    'accounts',
    defaultAccountFields({ name: ACCOUNT, currency: 'SEK', arr: toMinor(4_200_000, 'SEK'), owner: 'Ada Berg' }),
  );
  const people: PersonFields[] = [];
  for (const [r, last] of LAST.entries())
    for (const [c, first] of FIRST.entries())
      people.push(
        defaultPersonFields(accountId, {
          name: `${first} ${last}`,
          title: `Depot lead ${r * FIRST.length + c + 1}`,
          x: c * (CARD_WIDTH + 40),
          y: r * (CARD_HEIGHT + 60),
        }),
      );
  people.push(defaultPersonFields(accountId, { name: FAR.name, title: 'Board advisor', x: FAR.x, y: FAR.y }));
  dev.addMany('people', people);
  return { file: await dev.file(), records: dev.rowCount(), people: people.length };
}

/** Ctrl+K, the person's name, Enter. */
async function jumpTo(palette: CommandPalette, name: string): Promise<void> {
  await palette.open();
  await palette.search(name.toLowerCase(), name);
  await palette.runOnlyResult(name);
}

/** The card is focused, shown whole inside the canvas (clear of the minimap and controls) and at a readable size. */
async function expectShown(map: MapTab, name: string): Promise<void> {
  await expect(map.node(name)).toBeFocused();
  expect(await map.hiddenPart(name), `${name}'s card is seen whole`).toBeNull();
  const box = await map.box(map.node(name));
  expect(box.width, 'drawn at a readable zoom (at least 0.8)').toBeGreaterThanOrEqual(CARD_WIDTH * 0.8 - 1);
}

test.describe('Ctrl+K → a person shows them on the map', () => {
  test('selects, centres and focuses the person: from another page, on the open map, and in the list', async ({
    page,
    shell,
    sync,
    palette,
    map,
  }) => {
    test.setTimeout(90_000);
    const seed = await bigMap();
    await sync.goto();
    await sync.importFile(seed.file);
    await sync.expectImportResult({ from: DEVICE, added: seed.records, updated: 0, deleted: 0 });

    await test.step('from the Sync page to someone far off the others', async () => {
      await jumpTo(palette, FAR.name);
      await expect(map.tab).toHaveAttribute('aria-selected', 'true');
      await expect(map.viewTab('Canvas')).toHaveAttribute('aria-selected', 'true');
      await expect(map.nodes).toHaveCount(seed.people);
      await expect(map.panel(FAR.name)).toBeVisible();
      await expectShown(map, FAR.name);
    });

    await test.step('the selection is hers alone, as a click makes it: Delete removes only her, undo brings her back', async () => {
      await page.keyboard.press('Delete');
      await expect(map.nodes).toHaveCount(seed.people - 1);
      await expect(map.node(FAR.name)).toHaveCount(0);
      await page.locator('body').focus();
      await page.keyboard.press('Control+z');
      await expect(map.nodes).toHaveCount(seed.people);
      await shell.waitSaved();
    });

    await test.step('on the map already open, to someone now far off screen', async () => {
      expect(await map.hiddenPart(NEAR), `${NEAR} starts out of view`).not.toBeNull();
      await jumpTo(palette, NEAR);
      await expect(map.panel(NEAR)).toBeVisible();
      await expectShown(map, NEAR);
    });

    await test.step('the List view stays: the row is scrolled to and its Edit button focused', async () => {
      await map.openView('List');
      await jumpTo(palette, FAR.name);
      await expect(map.viewTab('List')).toHaveAttribute('aria-selected', 'true');
      await expect(map.panel(FAR.name)).toBeVisible();
      const edit = map.peopleTable.getByRole('button', { name: `Edit ${FAR.name}`, exact: true });
      await expect(edit).toBeFocused();
      await expect(edit).toBeInViewport();
    });

    await test.step('a view that does not show everyone (Coverage) turns to the canvas', async () => {
      await map.openView('Coverage');
      await jumpTo(palette, NEAR);
      await expect(map.viewTab('Canvas')).toHaveAttribute('aria-selected', 'true');
      await expect(map.panel(NEAR)).toBeVisible();
      await expectShown(map, NEAR);
    });
  });
});
