import { plural } from '../../kernel/formats/words.ts';
import { monthWords } from './judgements.months.ts';
import { scorecardPaths } from './judgements.paths.ts';
import type { IndicatorRow, PopulationLoad } from './judgements.queries.ts';
import { dateTimeWords, KIND_WORDS, refreshedWords } from './judgements.view-models.ts';

/** Where a series indicator's upload form is, with the indicator chosen. */
export function seriesUploadUrl(slug?: string): string {
  return scorecardPaths.series({}, { indicator: slug || undefined });
}

/** How an indicator's values stand: rebuilt when, or why the last rebuild failed. */
function refreshState(indicator: IndicatorRow) {
  return {
    slug: indicator.slug,
    title: indicator.title,
    refreshed: refreshedWords(indicator),
    error: indicator.refreshError,
  };
}

/** The indicators page: each indicator with its kind, source and how its values stand. */
export function toIndicatorsView(indicators: readonly IndicatorRow[], rebuiltSlug?: string) {
  const rebuilt = indicators.find((indicator) => indicator.slug === rebuiltSlug);
  return {
    indicators: indicators.map((indicator) => ({
      ...refreshState(indicator),
      kind: KIND_WORDS[indicator.kind],
      source: indicator.source,
      series:
        indicator.kind !== 'series'
          ? null
          : {
              text:
                indicator.seriesFile && indicator.seriesLoadedAt
                  ? `Values from ${indicator.seriesFile}, loaded ${dateTimeWords(indicator.seriesLoadedAt)}.`
                  : 'No values loaded yet.',
              uploadUrl: seriesUploadUrl(indicator.slug),
            },
    })),
    failures: indicators.filter((indicator) => indicator.refreshError !== null).length,
    rebuilt: rebuilt ? refreshState(rebuilt) : null,
  };
}

/** The series indicators to choose from on the upload form, with a first option that chooses none. */
export function toSeriesOptions(indicators: readonly IndicatorRow[], chosen?: string) {
  return [
    { value: '', text: 'Choose an indicator', selected: chosen === undefined },
    ...indicators.map((indicator) => ({
      value: indicator.slug,
      text: `${indicator.title} (${indicator.slug})`,
      selected: indicator.slug === chosen,
    })),
  ];
}

/** The rates rebuilt after a population load, and any that could not be. */
function refreshSummary(indicators: readonly IndicatorRow[]) {
  const states = indicators.map(refreshState);
  return {
    rebuilt: states.filter((state) => state.error === null),
    failed: states.filter((state) => state.error !== null),
  };
}

/** The page after a population upload: what the file holds now, and the rates rebuilt from it. */
export function toPopulationLoadedView(
  load: PopulationLoad & { file: string; indicators: readonly IndicatorRow[] },
) {
  return {
    file: load.file,
    summary: [
      { key: { text: 'File' }, value: { text: load.file } },
      {
        key: { text: 'Figures held' },
        value: {
          text: `${plural(load.rows, 'population', 'populations')} for ${plural(load.areas, 'area', 'areas')}`,
        },
      },
      {
        key: { text: 'Years' },
        value: {
          text:
            load.firstYear === load.lastYear
              ? String(load.firstYear)
              : `${load.firstYear} to ${load.lastYear}`,
        },
      },
      { key: { text: 'Loaded' }, value: { text: dateTimeWords(load.loadedAt) } },
    ],
    ...refreshSummary(load.indicators),
  };
}

/** The page after a series upload: the months it holds, and the indicator rebuilt from them. */
export function toSeriesLoadedView(load: {
  indicator: IndicatorRow;
  months: readonly { month: string; value: number }[];
}) {
  const { indicator, months } = load;
  const first = months[0]?.month ?? '';
  const last = months.at(-1)?.month ?? '';
  return {
    indicator: refreshState(indicator),
    summary: [
      { key: { text: 'Indicator' }, value: { text: `${indicator.title} (${indicator.slug})` } },
      { key: { text: 'File' }, value: { text: indicator.seriesFile ?? '' } },
      { key: { text: 'SHA-256 checksum' }, value: { text: indicator.seriesSha256 ?? '' } },
      {
        key: { text: 'Months' },
        value: {
          text: `${plural(months.length, 'month', 'months')}, ${first === last ? monthWords(first) : `${monthWords(first)} to ${monthWords(last)}`}`,
        },
      },
      {
        key: { text: 'Loaded' },
        value: { text: indicator.seriesLoadedAt ? dateTimeWords(indicator.seriesLoadedAt) : '' },
      },
    ],
    uploadUrl: seriesUploadUrl(indicator.slug),
  };
}
