import { compareOffer, recommend, type OptionResult, type Recommendation } from '../../shared/domain/club';
import type { Minor } from '../../shared/domain/money';
import type { SessionKind } from '../../shared/domain/retreat';
import type { Importance } from '../../shared/domain/roadmap';
import type { BuyingRole, Stance } from '../../shared/domain/stakeholders';
import { test, expect } from './pages/fixtures';
import { ReportPage, type PaperSize } from './pages/ReportPage';
import { SettingsPage } from './pages/SettingsPage';
import { occurrences, pdfText } from './pdf';
import {
  attachPages,
  bodyText,
  defaultPaperFor,
  escapeRe,
  expectFooters,
  expectInsideMargins,
  expectOnlyEmbeddedInter,
  expectPaper,
  expectRowsInOrder,
  formatsFor,
  nextTextLine,
  PAPER_LABEL,
  todayIn,
} from './print-checks';
import { sampleWorld } from './print-sample';

/*
 * The club's printed documents from the sample workspace: the offer sheet of "Atlas Retail Group"
 * (figures from compareOffer() and recommend()) and the brief of "Spring planning retreat"
 * (agenda, attendees, what each member asked for before, logistics), the brief also on the
 * other paper size after a change in Settings.
 */

const ATLAS = 'Atlas Retail Group';
const SPRING = 'Spring planning retreat';

// ---- the offer sheet ----

/** The rows of the options table: label, the hint under it, the figure of an option. */
const OFFER_ROWS: ReadonlyArray<readonly [string, (years: number) => string, (r: OptionResult, i: number) => Minor | null]> = [
  ['Total contract value', (y) => `list × ${y} years − discount`, (r) => r.tcv],
  ['Discount given', (y) => `list × ${y} years × discount`, (r) => r.discountGiven],
  ['Club cost', (y) => `seat cost × ${y} years`, (r) => r.clubCost],
  ['Net revenue', () => 'contract value − club cost', (r) => r.net],
  ['What it costs us', () => 'discount + club cost', (r) => r.concession],
  // Option A against itself shows "—".
  ['Difference against A', () => 'net revenue − net revenue of A', (r, i) => (i === 0 ? null : r.vsFirst)],
];

/** The recommendation sentence, as offer.rec.<reason> words it. */
function recommendationSentence(
  r: Recommendation,
  v: { net: string; by: string; breakEven: string; asked: string; years: number },
): string {
  const { label, other } = r.params as { label: string; other: string };
  const head = `${label} is best for us: it nets ${v.net} over ${v.years} years, ${v.by} more than ${other}.`;
  switch (r.reason) {
    case 'seatCheaper':
      return `${head} A club seat costs us less than giving the ${v.asked} discount the buyer asks for (break-even ${v.breakEven}).`;
    case 'discountCheaper':
      return `${head} Here the discount costs us less than a club seat (asked ${v.asked}, break-even ${v.breakEven}).`;
    case 'equal':
      return `${label} and ${other} net the same ${v.net}: the discount sits at the break-even. Prefer the option that holds the price.`;
    case 'highestNet':
      return head;
    case 'onlyOption':
      return `${label} nets ${v.net} over ${v.years} years.`;
  }
}

// ---- the retreat brief ----

const KIND: Readonly<Record<SessionKind, string>> = {
  planning: 'Planning seminar',
  deepDive: 'Product deep-dive',
  summary: 'Summary session with the CEO',
  other: 'Other',
};
const IMPORTANCE: Readonly<Record<Importance, string>> = { niceToHave: 'Nice to have', important: 'Important', critical: 'Critical' };
const BUYING_ROLE: Readonly<Record<BuyingRole, string>> = {
  economicBuyer: 'Economic buyer',
  decisionMaker: 'Decision maker',
  technicalEvaluator: 'Technical evaluator',
  user: 'User',
  influencer: 'Influencer',
  approver: 'Approver',
  gatekeeper: 'Gatekeeper',
  coach: 'Coach',
};
const STANCE: Readonly<Record<Stance, string>> = {
  champion: 'Champion',
  supporter: 'Supporter',
  neutral: 'Neutral',
  skeptic: 'Skeptic',
  opponent: 'Opponent',
};

test.describe('the printed offer sheet', () => {
  test(`"${ATLAS}": every option with its figures from compareOffer(), the best column, the break-even discount and the recommendation; default paper, footer and "Page X of Y", only embedded Inter`, async ({
    list,
    club,
    offer,
    locale,
    timezoneId,
  }, testInfo) => {
    const w = sampleWorld(todayIn(timezoneId!));
    const f = formatsFor(locale!);
    const o = w.club.offers.find((x) => w.accountName(x.accountId) === ATLAS)!;
    expect(o, `the sample has an offer for ${ATLAS}`).toBeDefined();
    const c = compareOffer(o);
    const rec = recommend(o, c);
    const money = (m: Minor) => f.money(m, o.currency);
    const printed = f.date(w.today);
    const footer = `Confidential — ${ATLAS} · Printed ${printed}`;

    await list.loadSample();
    await club.goto('offers');
    await club.offerRow(ATLAS).getByRole('link', { name: ATLAS, exact: true }).click();
    await offer.expectOpen(o.name, ATLAS);
    const popup = await offer.printSheet();
    const report = new ReportPage(popup);
    await report.waitDocReady(report.offerSheet(ATLAS));
    await expect(popup).toHaveTitle(`${ATLAS} — ${o.name}`);
    const file = testInfo.outputPath('offer-atlas.pdf');
    await report.savePdf(file);

    const pages = expectPaper(file, defaultPaperFor(locale!));
    expect(pages).toBeGreaterThanOrEqual(1);
    expectOnlyEmbeddedInter(file);
    const layout = pdfText(file, 'layout');
    const body = bodyText(file, footer);

    // The cover: what is negotiated (a fact's label may wrap in its narrow column; -raw keeps it together).
    expect(body).toContain(
      `OFFER SHEET · INTERNAL (OUR COST AND PREFERENCE) ${ATLAS} ${o.name} List price per year ${money(o.listPrice)} a year Term ${o.termYears}-year term Discount the buyer asks for ${f.bp(o.askedDiscountBp)} ` +
        `Club seat cost per year ${money(o.clubCostPerYear)} a year Status Presented Printed ${printed} Options over ${o.termYears} years`,
    );
    // The column heads: each option's label and discount (set in capitals), "Best for us" under the best one.
    const heads = c.results.map(
      (r, i) =>
        `${r.option.label} ${f.bp(r.option.discountBp)} discount${r.option.seat ? ' + club seat' : ''}`.toUpperCase() +
        (i === c.best ? ' BEST FOR US' : ''),
    );
    expect(body).toContain(`Options over ${o.termYears} years ${heads.join(' ')} Total contract value`);
    expect(occurrences(body, 'BEST FOR US'), 'one best option').toBe(1);
    // Every figure of every option, row by row in the table's order, the hint on the line under the label.
    const rows = OFFER_ROWS.map(([label, hint, value]) => ({
      label,
      hint: hint(o.termYears),
      cells: c.results.map((r, i) => (value(r, i) === null ? '—' : money(value(r, i)!))),
    }));
    const at = expectRowsInOrder(
      layout,
      rows.map((r) => ({
        what: `"${r.label}": ${r.cells.join(' | ')}`,
        re: new RegExp(`^\\s*${escapeRe(r.label)}\\s{2,}${r.cells.map(escapeRe).join('\\s{2,}')}\\s*$`),
      })),
    );
    rows.forEach((r, i) => expect(nextTextLine(layout, at[i]!), `the hint under "${r.label}"`).toBe(r.hint));
    // The break-even discount and its explanation.
    expect(c.breakEven).not.toBeNull();
    expect(body).toContain(
      `Break-even discount: ${f.bp(c.breakEven!.bp)} = seat cost ${money(o.clubCostPerYear)} ÷ list price ${money(o.listPrice)} a year: at this discount the discount and the club seat cost us the same.`,
    );
    // The recommendation: the best option by name, what it nets, by how much, and why.
    const best = c.results[c.best]!;
    const sentence = recommendationSentence(rec, {
      net: money(best.net),
      by: money(Number(rec.params.by) as Minor),
      breakEven: f.bp(c.breakEven!.bp),
      asked: f.bp(o.askedDiscountBp),
      years: o.termYears,
    });
    expect(sentence).toContain(`${best.option.label} is best for us: it nets ${money(best.net)} over ${o.termYears} years`);
    expect(body).toContain(sentence);

    expectFooters(file, footer, pages);
    expectInsideMargins(file, footer);
    await attachPages(testInfo, file, 'offer-atlas', (images) => images[0]!);

    await test.step('the customer version: the options and prices, nothing of our cost or our preference', async () => {
      const tab = await offer.printSheet('customer');
      const customer = new ReportPage(tab);
      await customer.waitDocReady(customer.offerSheet(ATLAS));
      await expect(tab).toHaveTitle(`${ATLAS} — ${o.name} (customer)`);
      const cfile = testInfo.outputPath('offer-atlas-customer.pdf');
      await customer.savePdf(cfile);
      const ctext = bodyText(cfile, footer);
      expect(ctext).toContain(
        `OFFER SHEET ${ATLAS} ${o.name} List price per year ${money(o.listPrice)} a year Term ${o.termYears}-year term Printed ${printed} The options over ${o.termYears} years`,
      );
      const rowsOf = (label: string, cell: (r: (typeof c.results)[number]) => string) => `${label} ${c.results.map(cell).join(' ')}`;
      expect(ctext).toContain(rowsOf('List price over the term', (r) => money(r.gross)));
      expect(ctext).toContain(rowsOf('Discount', (r) => money(r.discountGiven)));
      expect(ctext).toContain(rowsOf('Contract value', (r) => money(r.tcv)));
      expect(ctext).toContain(rowsOf('Platinum club seat', (r) => (r.option.seat ? 'Included' : '—')));
      const everything = [pdfText(cfile, 'layout'), pdfText(cfile, 'raw')].join('\n');
      for (const internal of [
        'BEST FOR US',
        'best for us',
        'costs us',
        'Break-even',
        'Club seat cost',
        'Discount the buyer asks for',
        'INTERNAL',
        money(o.clubCostPerYear),
      ])
        expect(everything, `"${internal}" on the customer's sheet`).not.toContain(internal);
      for (const r of c.results) if (r.clubCost > 0) expect(everything).not.toContain(money(r.clubCost));
      await tab.close();
    });
  });
});

test.describe('the printed retreat brief', () => {
  test(`"${SPRING}": every session with its day and time, every attendee with account and role, what each member account asked for before the retreat, place and dates; on the default paper, then on the other after Settings`, async ({
    page,
    list,
    club,
    retreat,
    locale,
    timezoneId,
  }, testInfo) => {
    test.setTimeout(120_000);
    const w = sampleWorld(todayIn(timezoneId!));
    const f = formatsFor(locale!);
    const index = w.club.retreats.findIndex((r) => r.fields.title === SPRING);
    expect(index, `the sample has "${SPRING}"`).toBeGreaterThanOrEqual(0);
    const r = w.club.retreats[index]!;
    const printed = f.date(w.today);
    const footer = `Confidential — ${SPRING} · Printed ${printed}`;
    const dates =
      r.fields.startDate === r.fields.endDate ? f.date(r.fields.startDate) : `${f.date(r.fields.startDate)} – ${f.date(r.fields.endDate)}`;
    const sessions = [...r.sessions].sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));
    const attendees = r.attendees
      .map((a) => {
        const person = a.personKey ? w.people.get(a.personKey) : undefined;
        return {
          name: person?.fields.name ?? a.name,
          accountKey: a.accountKey,
          account: w.accountName(a.accountKey),
          role: a.role || '—',
          person,
        };
      })
      .sort((a, b) => a.account.localeCompare(b.account) || a.name.localeCompare(b.name));
    const items = new Map(w.roadmap.items.map((i) => [i.id, i]));
    // Each attending account's requests from before: all of its requests but those captured at this retreat.
    const asked = [...new Set(attendees.map((a) => a.accountKey))].map((key) => ({
      account: w.accountName(key),
      requests: w.roadmap.requests
        .filter((q) => q.accountId === key && q.retreatId !== w.retreatId(index))
        .map(
          (q) =>
            `${items.get(q.itemId)!.title} — ${IMPORTANCE[q.importance]}, planned for ${items.get(q.itemId)!.plannedQuarter}${q.note ? ` ${q.note}` : ''}`,
        ),
    }));
    const capturedHere = w.roadmap.requests.filter((q) => q.retreatId === w.retreatId(index));
    expect(capturedHere.length, 'the sample retreat has requests captured at it (which the brief must leave out)').toBeGreaterThan(0);
    expect(asked.every((a) => a.requests.length > 0)).toBe(true);

    const settings = new SettingsPage(page);
    const first = defaultPaperFor(locale!);
    const second: PaperSize = first === 'A4' ? 'Letter' : 'A4';
    await list.loadSample();

    const printAndCheck = async (paper: PaperSize): Promise<void> => {
      await club.goto('retreats');
      await club.retreatRow(SPRING).getByRole('link', { name: SPRING, exact: true }).click();
      await retreat.expectOpen(SPRING);
      const popup = await retreat.printBrief();
      const report = new ReportPage(popup);
      await report.waitDocReady(report.retreatBrief(SPRING));
      await expect(popup).toHaveTitle(`${SPRING} — brief`);
      const file = testInfo.outputPath(`retreat-${paper}.pdf`);
      await report.savePdf(file);
      await popup.close();

      const pages = expectPaper(file, paper);
      expect(pages).toBeGreaterThanOrEqual(1);
      expectOnlyEmbeddedInter(file);
      const layout = pdfText(file, 'layout');
      const body = bodyText(file, footer);
      expect(body).toContain(
        `RETREAT BRIEF ${SPRING} ${r.fields.theme} Dates ${dates} Place ${r.fields.place} Our attendees ${r.fields.ourAttendees.join(', ')} Printed ${printed} Agenda`,
      );

      // The agenda: one row per session, by day and time.
      expectRowsInOrder(layout, [
        { what: 'the agenda header', re: /^\s*DAY\s{2,}WHEN\s{2,}SESSION\s{2,}KIND\s{2,}OWNER\s*$/ },
        ...sessions.map((s) => ({
          what: `session "${s.title}"`,
          re: new RegExp(
            `^\\s*${escapeRe(f.date(s.date))}\\s{2,}${escapeRe(`${s.start}–${s.end}`)}\\s{2,}${escapeRe(s.title)}\\s{2,}${escapeRe(KIND[s.kind])}\\s{2,}${escapeRe(s.owner || '—')}\\s*$`,
          ),
        })),
      ]);
      // The attendees: name, account, role, and for someone on the map their buying role and stance (title under the name).
      const at = expectRowsInOrder(layout, [
        { what: 'the attendees header', re: /^\s*NAME\s{2,}ACCOUNT\s{2,}ROLE\s{2,}BUYING ROLE\s{2,}STANCE\s*$/ },
        ...attendees.map((a) => ({
          what: `attendee ${a.name}`,
          re: new RegExp(
            `^\\s*${escapeRe(a.name)}\\s{2,}${escapeRe(a.account)}\\s{2,}${escapeRe(a.role)}\\s{2,}${escapeRe(a.person ? BUYING_ROLE[a.person.fields.buyingRole] : '—')}\\s{2,}${escapeRe(a.person ? STANCE[a.person.fields.stance] : '—')}\\s*$`,
          ),
        })),
      ]);
      attendees.forEach((a, i) => {
        if (a.person?.fields.title) expect(nextTextLine(layout, at[i + 1]!), `${a.name}'s title`).toBe(a.person.fields.title);
      });

      // What each member asked for before: a heading per account, its requests (item, importance, quarter, note) under it.
      const from = body.indexOf('What each member asked for before');
      const to = body.indexOf('Logistics', from);
      expect(from).toBeGreaterThan(0);
      const section = body.slice(from, to);
      const heads = asked.map((a) => section.indexOf(` ${a.account} `));
      expect(
        heads.every((x) => x > 0) && [...heads].sort((x, y) => x - y).join() === heads.join(),
        `account headings in order: ${JSON.stringify(heads)}`,
      ).toBe(true);
      asked.forEach((a, i) => {
        const part = section.slice(heads[i]!, heads[i + 1] ?? section.length);
        for (const q of a.requests) expect(part, `${a.account} asked for "${q}"`).toContain(q);
        expect(occurrences(part, ', planned for '), `${a.account}: only its ${a.requests.length} requests`).toBe(a.requests.length);
      });
      for (const q of capturedHere) expect(body, `captured at the retreat, not before it: "${q.note}"`).not.toContain(q.note);

      expect(body).toContain(`Logistics Place ${r.fields.place} Dates ${dates} Notes ${r.fields.notes.trim() || '—'}`);
      expectFooters(file, footer, pages);
      expectInsideMargins(file, footer);
      const images = await attachPages(testInfo, file, `retreat-${paper}`, (imgs) => imgs.at(-1)!);
      console.log(
        `retreat brief on ${paper}: ${pages} pages; images in ${testInfo.outputDir}: ${images.map((p) => p.split('/').at(-1)).join(', ')}`,
      );
    };

    await test.step(`no paper chosen yet: ${first} for ${locale}`, async () => {
      await settings.open();
      await expect(settings.paper(PAPER_LABEL[first])).toBeChecked();
      await printAndCheck(first);
    });

    await test.step(`Settings → "${PAPER_LABEL[second]}": the brief is printed on ${second}`, async () => {
      await settings.open();
      await settings.setPaper(PAPER_LABEL[second]);
      await printAndCheck(second);
    });
  });
});
