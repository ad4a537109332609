/**
 * What became of the Data page's last submit, for one of its settings forms: the action's refusal when
 * it names this form's intent (the values sent, to show again), and whether this form was just saved
 * (the action redirects to `?saved=<intent>`).
 */
import { useActionData, useLocation } from '@remix-run/react';

export function useSettingsResult<Failure extends { intent?: string }>(intent: string): { mine: Failure | undefined; saved: boolean } {
  const failure = useActionData() as Failure | undefined;
  const mine = failure?.intent === intent ? failure : undefined;
  const saved = new URLSearchParams(useLocation().search).get('saved') === intent;
  return { mine, saved };
}
