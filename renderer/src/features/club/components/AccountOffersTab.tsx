import { useTranslation } from 'react-i18next';
import { HandCoins, Plus } from 'lucide-react';
import { compareOffer, defaultOptions, seatCostPerYear } from '@shared/domain/club';
import { formatMoney } from '../../../lib/format';
import { asBp, asMinor } from '@shared/domain/money';
import { useRoute } from '../../../stores/route';
import { Button, EmptyState } from '../../../ui/Button';
import { useClubData } from '../hooks/useClubData';
import { useClubActions } from '../hooks/useClubActions';
import { MemberBadge } from './MemberBadge';
import { OffersTable } from './OffersTable';

/** An account's club offers: build one, see chosen ones, and its place on the roster. */
export function AccountOffersTab({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const data = useClubData();
  const actions = useClubActions();
  const navigate = useRoute((s) => s.navigate);
  if (!data) return null;
  const account = data.accounts.get(accountId);
  if (!account) return null;
  const offers = data.offers.filter((o) => o.accountId === accountId);
  const member = data.members.find((m) => m.accountId === accountId);
  const create = async () => {
    const sameCurrency = data.program.currency === account.currency;
    const out = await actions.createOffer({
      accountId,
      name: t('offer.defaultName', { n: offers.length + 1 }),
      status: 'draft',
      currency: account.currency,
      listPrice: account.arr,
      termYears: 3,
      askedDiscountBp: asBp(1500),
      clubCostPerYear: sameCurrency ? seatCostPerYear(data.program) : asMinor(0),
      options: defaultOptions(1500, { a: t('offer.option.a'), b: t('offer.option.b'), c: t('offer.option.c') }),
      notes: '',
    });
    if (out) navigate({ name: 'offer', id: out.offer.id });
  };
  const newButton = (
    <Button variant="primary" icon={<Plus size={15} aria-hidden />} onClick={() => void create()}>
      {t('offer.new')}
    </Button>
  );
  return (
    <div className="account-quotes">
      <section className="card" aria-labelledby="acc-offers-h">
        <div className="card__head">
          <h2 className="card__title" id="acc-offers-h">
            {t('offer.forAccount')} {member ? <MemberBadge status={member.status} /> : null}
          </h2>
          {offers.length > 0 ? newButton : null}
        </div>
        {offers
          .filter((o) => o.status === 'chosen')
          .map((o) => {
            const c = compareOffer(o);
            const best = c.results[c.best];
            return (
              <p key={o.id} className="notice notice--success" role="status">
                {t('offer.chosenSummary', {
                  name: o.name,
                  option: best?.option.label ?? '',
                  net: best ? formatMoney(best.net, o.currency) : '',
                  years: o.termYears,
                })}
              </p>
            );
          })}
        {offers.length === 0 ? (
          <EmptyState
            icon={<HandCoins size={22} aria-hidden />}
            title={t('offer.empty.title')}
            body={t('offer.empty.body')}
            action={newButton}
          />
        ) : (
          <OffersTable data={data} offers={offers} hideAccount />
        )}
      </section>
    </div>
  );
}
