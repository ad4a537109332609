/** What each step of the month's arrears movement is called: a recovery by its channel category's name. */
import type { WaterfallStep } from '../../../etl/domain/kpi';
import { MESSAGES, type MessageKey, type Translate } from '~/i18n';

export function waterfallLabel(step: WaterfallStep, t: Translate): string {
  if (step.key.startsWith('recovered:')) {
    // a category without a message of its own (one added to the data later) is "other"
    const key = `overview.category.${step.key.slice('recovered:'.length)}`;
    return t((key in MESSAGES.id ? key : 'overview.category.other') as MessageKey);
  }
  return t(`overview.waterfall.${step.key}` as MessageKey);
}
