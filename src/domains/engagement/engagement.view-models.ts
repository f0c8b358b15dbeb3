import { csvColumns, toCsv } from '../../kernel/formats/csv.ts';
import { formatDate } from '../../kernel/formats/dates.ts';
import { paragraphs } from '../../kernel/formats/words.ts';
import type { FormProblem } from '../../kernel/http/form-route.ts';
import type { QuestionResult, ResultCell, SurveyResults } from './engagement.analysis.ts';
import type { SurveyQuestion } from './engagement.answers.ts';
import { TEXT_LIMIT } from './engagement.answers.ts';
import { IMPORT_CHANNELS } from './engagement.csv.ts';
import { engagementPaths as paths } from './engagement.paths.ts';
import type { SurveyRow } from './engagement.queries.ts';
import type { PublishedResults, SurveyAnalysis, SurveyForm, SurveyListed } from './engagement.read.ts';

const AUDIENCE_LABELS = { adult: 'Adults', 'young-people': 'Young people aged 11 to 17' } as const;

function surveyHeading(survey: SurveyRow) {
  return {
    slug: survey.slug,
    title: survey.title,
    body: survey.bodyName,
    audience: AUDIENCE_LABELS[survey.audience],
    dates: `${formatDate(survey.opensOn)} to ${formatDate(survey.closesOn)}`,
    url: paths.survey({ survey: survey.slug }),
  };
}

export function toListPage(surveys: SurveyListed[]) {
  return {
    pageTitle: 'Surveys and consultations',
    surveys: surveys.map(({ survey, window, resultsPublic, manages }) => ({
      ...surveyHeading(survey),
      status: window.open
        ? 'Open'
        : window.reason === null
          ? ''
          : window.reason.replace('This survey has ', '').replace(/\.$/, ''),
      open: window.open,
      results: resultsPublic ? paths.results({ survey: survey.slug }) : null,
      analysis: manages ? paths.analysis({ survey: survey.slug }) : null,
    })),
    links: { json: paths.apiList() },
  };
}

/** One question as the form draws it: GOV.UK radios, checkboxes, a select, a text area or a postcode input. */
function toFormQuestion(question: SurveyQuestion, problem: FormProblem | undefined) {
  const name = `q-${question.code}`;
  const given = [problem?.values[name] ?? []].flat().map(String);
  return {
    name,
    kind: question.kind,
    text: question.required ? question.text : `${question.text} (optional)`,
    hint:
      question.hint ??
      (question.kind === 'multiple'
        ? 'Select all that apply.'
        : question.kind === 'text'
          ? `Up to ${TEXT_LIMIT} characters.`
          : undefined),
    items: question.options.map((option) => ({
      value: option.code,
      text: option.label,
      checked: given.includes(option.code),
      selected: given.includes(option.code),
    })),
    value: given[0] ?? '',
    error: problem?.fieldErrors[name],
  };
}

export function toFormPage(read: SurveyForm, problem?: FormProblem) {
  return {
    pageTitle: read.survey.title,
    survey: surveyHeading(read.survey),
    summary: paragraphs(read.survey.summary),
    privacy: paragraphs(read.survey.privacyNotice),
    window: read.window,
    questions: read.questions.map((question) => toFormQuestion(question, problem)),
    action: paths.survey({ survey: read.survey.slug }),
    errorList: problem?.errorList,
  };
}

export function toSentPage(read: SurveyForm) {
  return {
    pageTitle: 'Response received',
    survey: surveyHeading(read.survey),
    resultsOn: formatDate(read.survey.closesOn),
  };
}

const percent = (value: number | null) => (value === null ? null : `${value.toFixed(1)}%`);

function toCellRow(cell: ResultCell) {
  return {
    label: cell.label,
    count: cell.count === null ? 'fewer than 10' : String(cell.count),
    percent: percent(cell.percent) ?? '',
    interval:
      cell.low === null || cell.high === null ? '' : `${cell.low.toFixed(1)}% to ${cell.high.toFixed(1)}%`,
  };
}

function toQuestionTable(question: QuestionResult) {
  return {
    code: question.code,
    text: question.text,
    answered: question.answered === null ? 'fewer than 10' : String(question.answered),
    counted: question.options.length > 0,
    rows: question.options.map(toCellRow),
  };
}

function toResultsTables(results: SurveyResults) {
  return {
    responses: results.responses === null ? 'fewer than 10' : String(results.responses),
    channels: results.channels.map((channel) => ({
      channel: channel.channel,
      count: channel.count === null ? 'fewer than 10' : String(channel.count),
    })),
    questions: results.questions.map(toQuestionTable),
  };
}

export function toResultsPage(read: PublishedResults) {
  return {
    pageTitle: `What you told us: ${read.survey.title}`,
    survey: surveyHeading(read.survey),
    ...toResultsTables(read.results),
    links: { json: paths.apiResults({ survey: read.survey.slug }) },
  };
}

export function toAnalysisPage(read: SurveyAnalysis, problem?: FormProblem) {
  const slug = read.survey.slug;
  return {
    pageTitle: `Analysis: ${read.survey.title}`,
    survey: surveyHeading(read.survey),
    area: read.area,
    areas: [
      { value: '', text: 'All areas' },
      ...read.areas.map((area) => ({
        value: area.code,
        text: area.label,
        selected: area.code === read.area?.code,
      })),
    ],
    ...toResultsTables(read.results),
    retainedUntil: formatDate(read.retainedUntil),
    purgedOn: read.survey.purgedOn ? formatDate(read.survey.purgedOn) : null,
    links: {
      csv: `${paths.analysisCsv({ survey: slug })}${read.area ? `?area=${read.area.code}` : ''}`,
      import: paths.importResponses({ survey: slug }),
      results: paths.results({ survey: slug }),
    },
    importForm: {
      channels: IMPORT_CHANNELS.join(', '),
      columns: ['channel', 'received_on', ...read.questions.map((question) => question.code)].join(','),
      value: problem?.values.csv ?? '',
      errors: problem?.errors ?? [],
      errorList: problem?.errorList,
      fieldErrors: problem?.fieldErrors,
    },
  };
}

type CsvRow = { question: QuestionResult; cell: ResultCell };

/** The analysis as CSV: a row per question and choice, with the count, the share and its interval. */
export function analysisCsv(results: SurveyResults): string {
  const rows: CsvRow[] = results.questions.flatMap((question) =>
    question.options.map((cell) => ({ question, cell })),
  );
  const fixed = (value: number | null) => (value === null ? null : value.toFixed(2));
  return toCsv(
    rows,
    csvColumns<CsvRow>({
      question_code: (row) => row.question.code,
      question: (row) => row.question.text,
      answered: (row) => row.question.answered,
      option_code: (row) => row.cell.code,
      option: (row) => row.cell.label,
      count: (row) => row.cell.count,
      percent: (row) => fixed(row.cell.percent),
      ci95_low: (row) => fixed(row.cell.low),
      ci95_high: (row) => fixed(row.cell.high),
    }),
  );
}

export function toListJson(surveys: SurveyListed[]) {
  return {
    surveys: surveys.map(({ survey, window, resultsPublic }) => ({
      slug: survey.slug,
      title: survey.title,
      body: survey.bodySlug,
      audience: survey.audience,
      opensOn: survey.opensOn,
      closesOn: survey.closesOn,
      open: window.open,
      web: paths.survey({ survey: survey.slug }),
      results: resultsPublic ? paths.apiResults({ survey: survey.slug }) : null,
    })),
  };
}

export function toResultsJson(read: PublishedResults) {
  return {
    type: 'SurveyResults' as const,
    slug: read.survey.slug,
    title: read.survey.title,
    body: read.survey.bodySlug,
    audience: read.survey.audience,
    opensOn: read.survey.opensOn,
    closesOn: read.survey.closesOn,
    web: paths.results({ survey: read.survey.slug }),
    ...read.results,
  };
}
