import { test, expect } from './pages/fixtures';
import type { MapTab, QuadrantLabel, StanceLabel } from './pages/MapTab';

interface PersonInput {
  readonly name: string;
  readonly influence?: number;
  readonly interest?: number;
  readonly role?: string;
  readonly stance?: StanceLabel;
  readonly orgLevel?: string;
}

/** Adds people with the "Add person" buttons and fills their panel (autosaved field by field). */
async function addPeople(map: MapTab, people: readonly PersonInput[]): Promise<void> {
  for (const p of people) {
    await map.addPersonNamed(p.name);
    if (p.influence !== undefined) await map.setPanelField('Influence (1–5)', String(p.influence));
    if (p.interest !== undefined) await map.setPanelField('Interest (1–5)', String(p.interest));
    if (p.role !== undefined) await map.selectPanelField('Buying role', p.role);
    if (p.stance !== undefined) await map.selectPanelField('Stance', p.stance);
    if (p.orgLevel !== undefined) await map.selectPanelField('Org level', p.orgLevel);
  }
  await map.closePanel();
}

const quadrantOf = (influence: number, interest: number): QuadrantLabel =>
  influence >= 3 ? (interest >= 3 ? 'Manage closely' : 'Keep satisfied') : interest >= 3 ? 'Keep informed' : 'Monitor';

test.describe('stakeholder map views', () => {
  test('Top-5 review orders by influence, then buying role, then name, and leaves out unknown roles', async ({ newAccount, map }) => {
    await newAccount.createAccount({ name: 'Top Five AB' });
    await map.open();
    await addPeople(map, [
      { name: 'Ben VP', influence: 4 },
      { name: 'Ada CEO', influence: 5 },
      { name: 'Cleo Eng', influence: 4, role: 'Decision maker' },
      { name: 'Bea Ops', influence: 4 },
    ]);
    // An unknown role (a placeholder) is not a person yet.
    await map.addPlaceholderButton.click();
    await expect(map.panel('Unknown')).toBeVisible();
    await map.setPanelField('Influence (1–5)', '5');
    await map.closePanel();
    await expect(map.nodes).toHaveCount(5);

    await map.openView('Top-5 review');
    await expect(map.topFive.getByRole('row')).toHaveCount(5); // header + 4 people
    // Ties at influence 4: Cleo decides (role weight), then Bea before Ben by name.
    await expect(map.topFiveRowHeaders()).toHaveText([/^Ada CEO/, /^Cleo Eng/, /^Bea Ops/, /^Ben VP/]);
    const rows = map.topFive.getByRole('row').filter({ has: map.page.getByRole('rowheader') });
    for (let i = 0; i < 4; i++) await expect(rows.nth(i).getByRole('cell').first(), 'the # column').toHaveText(String(i + 1));
    await expect(map.topFive.getByRole('row', { name: /Cleo Eng/ })).toContainText('Decision maker');
    await expect(map.topFive.getByRole('rowheader', { name: /Unknown/ })).toHaveCount(0);
  });

  test('Power / interest puts everyone in the right quadrant, and the arrow keys move a focused dot', async ({
    shell,
    newAccount,
    map,
  }) => {
    await newAccount.createAccount({ name: 'Grid Test AB' });
    await map.open();
    const people = [
      { name: 'Ada CEO', influence: 5, interest: 4 },
      { name: 'Ben VP', influence: 4, interest: 1 },
      { name: 'Cleo Eng', influence: 2, interest: 5 },
      { name: 'Dan Ops', influence: 1, interest: 2 },
    ] as const;
    await addPeople(map, people);

    await map.openView('Power / interest');
    await expect(map.powerGrid.getByRole('button')).toHaveCount(4);
    for (const p of people) {
      await expect(map.gridDot(p.name)).toHaveAccessibleName(
        new RegExp(`^${p.name}: influence ${p.influence}, interest ${p.interest}, ${quadrantOf(p.influence, p.interest)}, `),
      );
    }
    // One of each, so a person in the wrong quadrant cannot go unnoticed.
    expect(new Set(people.map((p) => quadrantOf(p.influence, p.interest))).size).toBe(4);

    // Keyboard: focus Cleo's dot; ↑ raises influence, ← lowers interest.
    const cleo = map.gridDot('Cleo Eng');
    await cleo.focus();
    await cleo.press('ArrowUp');
    await expect(cleo).toHaveAccessibleName(/^Cleo Eng: influence 3, interest 5, Manage closely, /);
    await expect(cleo).toBeFocused();
    for (const interest of [4, 3, 2]) {
      await cleo.press('ArrowLeft');
      await expect(cleo).toHaveAccessibleName(new RegExp(`^Cleo Eng: influence 3, interest ${interest}, `));
    }
    await expect(cleo).toHaveAccessibleName(/^Cleo Eng: influence 3, interest 2, Keep satisfied, /);
    await shell.waitSaved();

    // Saved, not just drawn: the List shows the new scores after a reload.
    await shell.reload();
    await map.openView('List');
    const row = map.peopleTable.getByRole('row', { name: /^Cleo Eng/ });
    // Cells after the row header: Org level, Buying role, Stance, Influence, Interest, …
    await expect(map.peopleTable.getByRole('columnheader').nth(4)).toHaveText('Influence (1–5)');
    await expect(row.getByRole('cell').nth(3)).toHaveText('3');
    await expect(map.peopleTable.getByRole('columnheader').nth(5)).toHaveText('Interest (1–5)');
    await expect(row.getByRole('cell').nth(4)).toHaveText('2');
  });

  test('Coverage names the gaps, and map quality turns from Red to Green with a supportive key player who decides', async ({
    newAccount,
    map,
  }) => {
    await newAccount.createAccount({ name: 'Coverage Test AB' });
    await map.open();
    await addPeople(map, [{ name: 'Ada CEO' }]);
    await expect(map.quality).toHaveAccessibleName('Map quality: Red');
    await expect(map.quality).toContainText('No supportive key player (influence 4–5) yet.');

    await map.openView('Coverage');
    await expect(map.coverageGap('No one known at individual-contributor level.')).toBeVisible();
    await expect(map.coverageGap('No one known at C-level.')).toBeVisible();
    await expect(map.coverageGap('No supporter at manager level.')).toBeVisible();

    // A supportive key player makes it Amber; one who decides makes it Green.
    await map.openView('List');
    await map.editFromList('Ada CEO');
    await map.setPanelField('Influence (1–5)', '5');
    await map.selectPanelField('Stance', 'Champion');
    await expect(map.quality).toHaveAccessibleName('Map quality: Amber');
    await expect(map.quality).toContainText('Supportive key players (Ada CEO), but none decides or approves.');
    await map.selectPanelField('Buying role', 'Economic buyer');
    await map.selectPanelField('Org level', 'C-level');
    await expect(map.quality).toHaveAccessibleName('Map quality: Green');
    await expect(map.quality).toContainText('Supportive key player who decides or approves: Ada CEO.');
    await map.closePanel();

    // An individual contributor fills that gap; the C-level gap went with Ada's new level.
    await map.openView('Canvas');
    await addPeople(map, [{ name: 'Cleo Eng', orgLevel: 'Individual contributor' }]);
    await map.openView('Coverage');
    await expect(map.coverageGapsHeading).toBeVisible();
    await expect(map.coverageGap('No one known at individual-contributor level.')).toHaveCount(0);
    await expect(map.coverageGap('No one known at C-level.')).toHaveCount(0);
    await expect(map.coverageGap('No one known at VP level.')).toBeVisible();
    await expect(map.coverageGap('No supporter at individual-contributor level.')).toBeVisible();
    await expect(map.quality).toHaveAccessibleName('Map quality: Green');
  });

  test('the sample’s Nordhavn map shows its 7 people, the unknown role dashed', async ({ list, map }) => {
    await list.loadSample();
    await list.open('Nordhavn Shipping A/S');
    await map.open();
    await expect(map.canvas).toHaveAccessibleName('Stakeholder map of Nordhavn Shipping A/S');
    await expect(map.nodes).toHaveCount(7);
    for (const name of ['Henrik Sørensen', 'Line Kjær', 'Anders Holm', 'Sofie Nygaard', 'Mikkel Dahl', 'Camilla Broe'])
      await expect(map.node(name)).toBeVisible();
    const unknown = map.node('Unknown');
    await expect(unknown).toHaveAccessibleName('Unknown, Head of Group IT Strategy, Neutral, Influencer');
    await expect(unknown).toContainText('Not found yet');
    // Dashed: the card inside React Flow's node wrapper has a dashed border.
    const border = await unknown
      .locator('xpath=./div')
      .first()
      .evaluate((el) => getComputedStyle(el).borderTopStyle);
    expect(border).toBe('dashed');
    const known = await map
      .node('Anders Holm')
      .locator('xpath=./div')
      .first()
      .evaluate((el) => getComputedStyle(el).borderTopStyle);
    expect(known).toBe('solid');
    // Four drawn lines plus a reports-to line for each of the five people with a manager.
    await expect(map.edges).toHaveCount(9);
    await expect(map.edge('Mikkel Dahl influences Line Kjær')).toBeAttached();
    await expect(map.edge('Sofie Nygaard has a dotted line to Line Kjær')).toBeAttached();
    await expect(map.edge('Anders Holm reports to Henrik Sørensen')).toBeAttached();
  });

  test('a line to or from an unknown role names it “Unknown”, as its card does', async ({ list, map }) => {
    // A placeholder has no name: its lines must still say who they join, for screen readers.
    await list.loadSample();
    await list.open('Nordhavn Shipping A/S');
    await map.open();
    await expect(map.nodes).toHaveCount(7);
    await expect(map.edges).toHaveCount(9);
    const labels = await map.edges.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(
      labels.filter((l) => /^\s|\s$|\bto\s*$/.test(l)),
      'lines whose label misses a name',
    ).toEqual([]);
    await expect(map.edge('Unknown reports to Line Kjær')).toBeAttached();
  });

  test('Power / interest: people with equal scores are stacked so every name is readable (no dot covers another)', async ({
    newAccount,
    map,
  }) => {
    await newAccount.createAccount({ name: 'Tied Scores AS' });
    await map.open();
    // Every new person starts at influence 3, interest 3: four people share one cell.
    await addPeople(map, [
      { name: 'Ana Tie' },
      { name: 'Bo Tie' },
      { name: 'Cy Tie' },
      { name: 'Di Tie' },
      { name: 'Ed Alone', influence: 5, interest: 1 },
    ]);
    await map.openView('Power / interest');
    const names = ['Ana Tie', 'Bo Tie', 'Cy Tie', 'Di Tie', 'Ed Alone'];
    const boxes = await Promise.all(names.map(async (n) => (await map.gridDot(n).boundingBox())!));
    const grid = (await map.powerGrid.boundingBox())!;
    for (let i = 0; i < boxes.length; i++) {
      const a = boxes[i]!;
      expect(a.y >= grid.y && a.y + a.height <= grid.y + grid.height, `${names[i]} inside the grid`).toBe(true);
      for (let j = i + 1; j < boxes.length; j++) {
        const b = boxes[j]!;
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap, `${names[i]} and ${names[j]} overlap`).toBe(false);
      }
    }
  });
});
