import { type ModelOf, view } from '../../kernel/http/views.ts';
import type {
  toApplicationPage,
  toAwardPage,
  toAwardsPage,
  toCheckPage,
  toOfficerListPage,
  toOrganisationFormPage,
  toOrganisationHomePage,
  toQuestionPage,
} from './grants.view-models.ts';

export const VIEWS = {
  home: view<ModelOf<typeof toOrganisationHomePage>>('grants/views/organisation.njk'),
  organisationForm: view<ModelOf<typeof toOrganisationFormPage>>('grants/views/organisation-form.njk'),
  question: view<ModelOf<typeof toQuestionPage>>('grants/views/question.njk'),
  check: view<ModelOf<typeof toCheckPage>>('grants/views/check.njk'),
  application: view<ModelOf<typeof toApplicationPage> & { awardHint: string | null }>(
    'grants/views/application.njk',
  ),
  officerList: view<ModelOf<typeof toOfficerListPage>>('grants/views/applications.njk'),
  awards: view<ModelOf<typeof toAwardsPage>>('grants/views/awards.njk'),
  award: view<ModelOf<typeof toAwardPage>>('grants/views/award.njk'),
};
