import type { MatchSide, MatchView } from '../api/matches.ts';
import { type TranslationKey, t } from '../i18n/index.ts';

/** What each side of a match is called: 供应方/需求方 for goods, 出借方/用工方 for shared staff. */
const SIDE_KEYS = {
  goods: { offer: 'matches.sides.goodsOffer', need: 'matches.sides.goodsNeed' },
  labour: { offer: 'matches.sides.labourOffer', need: 'matches.sides.labourNeed' },
} as const satisfies Record<string, Record<MatchSide, TranslationKey>>;

export const sideLabel = (kind: MatchView['kind'], side: MatchSide): string => t(SIDE_KEYS[kind][side]);
