/** What each step of the month's arrears movement is called: a recovery by its channel category's name. */
import type { WaterfallStep } from '../../../etl/domain/kpi';
import { isChannelCategory } from '../../../etl/domain/channels';
import type { MessageKey, Translate } from '~/i18n';

export function waterfallLabel(step: WaterfallStep, t: Translate): string {
  if (step.key.startsWith('recovered:')) {
    // a category the contract does not know (one added to the data later) is "other"
    const category = step.key.slice('recovered:'.length);
    return t(isChannelCategory(category) ? `overview.category.${category}` : 'overview.category.other');
  }
  return t(`overview.waterfall.${step.key}` as MessageKey);
}
