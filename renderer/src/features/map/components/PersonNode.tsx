import { memo, useContext } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { isBuyingRole, type BuyingRole, type FreshnessLevel } from '@shared/domain/stakeholders';
import type { PersonRow } from '../../../db/database';
import { StanceIcon } from './StanceIcon';
import { FarContext, useCardWords } from './cardWords';
import { shownStance } from './known';

export interface PersonNodeData extends Record<string, unknown> {
  readonly person: PersonRow;
  readonly fresh: { readonly level: FreshnessLevel; readonly days: number | null };
}
export type PersonNodeType = Node<PersonNodeData, 'person'>;

const ROLE_SHORT: Readonly<Record<BuyingRole, string>> = {
  economicBuyer: 'EB',
  decisionMaker: 'DM',
  technicalEvaluator: 'TE',
  user: 'U',
  influencer: 'I',
  approver: 'A',
  gatekeeper: 'G',
  coach: 'C',
};

/**
 * A person card: stance is the colour (with an icon and word), influence the ring width,
 * role a badge, freshness a badge with the days written; a placeholder is dashed.
 * Memoised: dragging one card does not re-render the others.
 */
export const PersonNode = memo(function PersonNode({ data, selected }: NodeProps<PersonNodeType>) {
  const w = useCardWords();
  const far = useContext(FarContext);
  const p = data.person;
  const fresh = data.fresh;
  const className = `pcard pcard--${shownStance(p.stance)} ${p.placeholder ? 'pcard--placeholder' : ''} ${selected ? 'pcard--selected' : ''}`;
  const ring = { '--ring': `${1 + p.influence * 0.6}px` } as React.CSSProperties;
  // Far out a card has no handles: they are too small to start a line from there, and the lines
  // need none, since where they attach comes with the node (CARD_HANDLES in useCanvasNodes; the
  // card's box is fixed, so React Flow never measures it again). Four handles on every card were
  // most of what a far-out map renders and, at every pan frame, re-selects from React Flow's store.
  if (far)
    return (
      <div className={`${className} pcard--far`} style={ring} title={p.notes || undefined}>
        <span className="pcard__name">{p.placeholder && !p.name ? w.placeholderName : p.name}</span>
      </div>
    );
  return (
    <>
      <div className={className} style={ring} title={p.notes || undefined}>
        <div className="pcard__top">
          <span className="pcard__name">{p.placeholder && !p.name ? w.placeholderName : p.name}</span>
          <span className="pcard__role" title={w.role(p.buyingRole)}>
            {isBuyingRole(p.buyingRole) ? ROLE_SHORT[p.buyingRole] : '?'}
          </span>
        </div>
        <div className="pcard__title">{[p.title, p.department].filter(Boolean).join(' · ') || '\u00a0'}</div>
        <div className="pcard__bottom">
          <span className="pcard__stance">
            <StanceIcon stance={p.stance} />
            {w.stance(p.stance)}
          </span>
          {p.placeholder ? (
            <span className="pcard__unknown">{w.unknown}</span>
          ) : (
            <span className={`fresh fresh--${fresh.level}`}>{fresh.level === 'never' ? w.never : w.days(fresh.days ?? 0)}</span>
          )}
        </div>
      </div>
      {/* Handles sit beside the card, after it, so they paint on top. */}
      <Handle type="source" position={Position.Top} id="t" className="pcard__handle" />
      <Handle type="source" position={Position.Right} id="r" className="pcard__handle" />
      <Handle type="source" position={Position.Bottom} id="b" className="pcard__handle" />
      <Handle type="source" position={Position.Left} id="l" className="pcard__handle" />
    </>
  );
});
