import type { FormProblem } from '../../kernel/http/form-route.ts';
import { type PageModel, view } from '../../kernel/http/views.ts';
import type { toAuditView, toUserView } from './accounts.view-models.ts';

/** What a form page shows after a mistake; absent on its first showing. */
type Mistakes = Partial<Pick<FormProblem, 'errorList' | 'fieldErrors'>>;
type Option = { value: string; text: string };
type UserView = ReturnType<typeof toUserView>;
type Choices = { roleOptions: Option[]; bodyOptions: Option[] };

export type SetUpSecondFactorPage = PageModel & {
  secret: string;
  otpauth: string;
  qrSvg: string;
  required: boolean;
};

/** The sign-in, password and account pages, each bound to the model it is rendered with. */
export const accountViews = {
  signIn: view<PageModel & Mistakes & { next: string; email?: string; confirmation?: string }>(
    'accounts/views/sign-in.njk',
  ),
  secondFactor: view<PageModel & Mistakes & { next: string }>('accounts/views/two-factor.njk'),
  setUpSecondFactor: view<SetUpSecondFactorPage & Mistakes>('accounts/views/set-up-two-factor.njk'),
  signedOut: view<PageModel>('accounts/views/signed-out.njk'),
  forgotPassword: view<PageModel & Mistakes>('accounts/views/forgot-password.njk'),
  forgotPasswordSent: view<PageModel & { email: string }>('accounts/views/forgot-password-sent.njk'),
  linkExpired: view<PageModel>('accounts/views/link-expired.njk'),
  setPassword: view<PageModel & Mistakes & { email: string; minLength: number }>(
    'accounts/views/set-password.njk',
  ),
  account: view<PageModel & { user: UserView; twoFactorJustEnabled: boolean }>('accounts/views/account.njk'),
  users: view<PageModel & { users: UserView[] }>('accounts/views/admin-users.njk'),
  user: view<PageModel & Mistakes & Choices & { user: UserView }>('accounts/views/admin-user.njk'),
  newUser: view<PageModel & Mistakes & Choices & { values: Record<string, unknown> }>(
    'accounts/views/admin-user-new.njk',
  ),
  userCreated: view<PageModel & { email: string; userId: number; setPasswordUrl: string }>(
    'accounts/views/admin-user-created.njk',
  ),
  audit: view<PageModel & ReturnType<typeof toAuditView>>('accounts/views/admin-audit.njk'),
};
