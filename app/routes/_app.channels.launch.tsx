/**
 * A channel's launch impact (`?channel=CODE&months=6`, default the most recently launched channel):
 * online share, on-time rate and median days to pay in the N months before vs after, overall and per
 * kecamatan, and where the new channel's customers came from. The figures are GET /api/v1/channels/launch.
 */
import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import type { WindowFigures } from '../../etl/queries/channel-launch';
import { useLang, useT, type MessageKey } from '~/i18n';
import { formatDate, formatDecimal, formatMonth, formatNumber, formatPercent, type Lang } from '~/i18n/format';
import { requireUser } from '~/lib/auth.server';
import { launchParams, loadLaunch, loadLaunchedChannels, readParams } from '~/lib/channels/figures.server';
import { CACHE_CONTROL } from '~/lib/http.server';
import { SECTION_ROLES } from '~/lib/roles';
import { titled } from '~/ui/meta';

export const meta = titled('channels.launch.title');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { roles: SECTION_ROLES.channels });
  const channels = await loadLaunchedChannels();
  const input = await readParams(() => launchParams(new URL(request.url).searchParams, channels[0]?.channel_code ?? null));
  const impact = await loadLaunch(input);
  if (!impact) throw json({ error: 'unknown_channel', param: 'channel', message: `there is no channel ${input.channel}` }, { status: 404 });
  return json({ channels, impact }, { headers: { 'Cache-Control': CACHE_CONTROL.PRIVATE } });
}

const MEASURES: { key: keyof WindowFigures; label: MessageKey; format: (v: number, lang: Lang) => string }[] = [
  { key: 'online_share_count', label: 'channels.onlineShareCount', format: (v, lang) => formatPercent(v, lang) },
  { key: 'online_share_value', label: 'channels.onlineShareValue', format: (v, lang) => formatPercent(v, lang) },
  { key: 'on_time_rate', label: 'channels.col.onTime', format: (v, lang) => formatPercent(v, lang) },
  { key: 'median_days_to_pay', label: 'channels.col.medianDays', format: (v, lang) => formatDecimal(v, lang, 1) },
];

export default function LaunchPage() {
  const { channels, impact } = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLang();
  const show = (m: (typeof MEASURES)[number], f: WindowFigures) => (f[m.key] === null ? '–' : m.format(f[m.key] as number, lang));
  const window = (w: { from: string; to: string } | null) => (w ? `${formatMonth(w.from, lang)} – ${formatMonth(w.to, lang)}` : '');
  return (
    <>
      <header className="ov-head">
        <div>
          <h1>{t('channels.launch.title')}</h1>
          <p className="ov-sub">
            {impact.launched_on
              ? t('channels.launch.launched', { name: impact.channel_name, date: formatDate(impact.launched_on, lang), before: window(impact.before), after: window(impact.after) })
              : t('channels.launch.noDate')}
          </p>
        </div>
      </header>
      <Form method="get" className="ch-form">
        <label>
          {t('channels.launch.channel')}
          <select name="channel" defaultValue={impact.channel_code}>
            {channels.map((c) => (
              <option key={c.channel_code} value={c.channel_code}>
                {c.channel_name} ({formatDate(c.launched_on, lang, 'short')})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('channels.launch.months')}
          <input type="number" name="months" min={1} max={36} defaultValue={impact.months} />
        </label>
        <button type="submit">{t('channels.show')}</button>
      </Form>
      {impact.overall ? (
        <div className="ch-grid">
          <section className="panel ov-panel" aria-labelledby="launch-overall">
            <h2 id="launch-overall">{impact.channel_name}</h2>
            <table className="ch-matrix" data-testid="launch-overall">
              <thead>
                <tr>
                  <th scope="col">{t('channels.launch.measure')}</th>
                  <th scope="col">{t('channels.launch.before')}</th>
                  <th scope="col">{t('channels.launch.after')}</th>
                </tr>
              </thead>
              <tbody>
                {MEASURES.map((m) => (
                  <tr key={m.key}>
                    <th scope="row">{t(m.label)}</th>
                    <td>{show(m, impact.overall!.before)}</td>
                    <td>{show(m, impact.overall!.after)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="panel ov-panel" aria-labelledby="launch-from">
            <h2 id="launch-from">{t('channels.launch.cameFrom', { name: impact.channel_name })}</h2>
            <table className="ch-matrix" data-testid="launch-came-from">
              <thead>
                <tr>
                  <th scope="col">{t('channels.col.channel')}</th>
                  <th scope="col">{t('channels.launch.customers')}</th>
                </tr>
              </thead>
              <tbody>
                {impact.came_from.map((c) => (
                  <tr key={c.channel_code ?? ''}>
                    <th scope="row">{c.channel_code ?? t('channels.launch.none')}</th>
                    <td>{formatNumber(c.customers, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      ) : null}
      {impact.by_kecamatan.length > 0 ? (
        <section className="panel ov-panel" aria-labelledby="launch-kec">
          <h2 id="launch-kec">{t('channels.launch.kecamatan')}</h2>
          <table className="ch-matrix" data-testid="launch-kecamatan">
            <thead>
              <tr>
                <th scope="col">Kecamatan</th>
                {MEASURES.map((m) => (
                  <th key={m.key} scope="col">
                    {t(m.label)}: {t('channels.launch.before')} → {t('channels.launch.after')}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {impact.by_kecamatan.map((k) => (
                <tr key={k.kecamatan_code}>
                  <th scope="row">{k.kecamatan_name}</th>
                  {MEASURES.map((m) => (
                    <td key={m.key}>
                      {show(m, k.before)} → {show(m, k.after)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
