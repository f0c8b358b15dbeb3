import { z } from 'zod';
import { ROLES } from '../../kernel/auth/roles.ts';

export const emailField = z
  .string()
  .trim()
  .min(1, 'Enter an email address')
  .max(254, 'Email address must be 254 characters or fewer')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter an email address in the correct format, like name@example.com')
  .transform((email) => email.toLowerCase());

export const roleField = z.enum(ROLES, { message: 'Select a role' });

export const bodySlugField = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Select a body');

export const NewUserSchema = z.object({
  email: emailField,
  displayName: z.string().trim().min(1, 'Enter a name').max(200, 'Name must be 200 characters or fewer'),
  role: roleField,
  /** Optional only for an installation-wide administrator. */
  body: z.preprocess((value) => (value === '' ? undefined : value), bodySlugField.optional()),
});
export type NewUser = z.infer<typeof NewUserSchema>;

export const GrantSchema = z.object({
  role: roleField,
  body: z.preprocess((value) => (value === '' ? undefined : value), bodySlugField.optional()),
});
export type GrantInput = z.infer<typeof GrantSchema>;

export const SignInSchema = z.object({
  email: z.string().trim().max(254).default(''),
  password: z.string().max(1024).default(''),
});

export const CodeSchema = z.object({
  code: z.string().trim().max(20).default(''),
});

export const NewPasswordSchema = z.object({
  password: z.string().max(1024).default(''),
  confirmPassword: z.string().max(1024).default(''),
});

export const ForgotPasswordSchema = z.object({
  email: z.string().trim().max(254).default(''),
});

export const NewTokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter a name for the token')
    .max(100, 'Token name must be 100 characters or fewer'),
  role: roleField,
  body: bodySlugField.optional(),
  expiresInDays: z.number().int().min(1, 'Expiry must be at least 1 day').max(3650).nullable(),
});
export type NewToken = z.infer<typeof NewTokenSchema>;

/** "90d", "12w", "6m", "1y" or "never" — how long a new API token lasts. */
export function parseExpiry(text: string): number | null {
  if (text === 'never') return null;
  const match = /^(\d{1,4})([dwmy])$/.exec(text);
  if (!match) throw new Error(`Expiry "${text}" must look like 90d, 12w, 6m, 1y or never`);
  const days = { d: 1, w: 7, m: 30, y: 365 }[match[2] as 'd' | 'w' | 'm' | 'y'];
  return Number(match[1]) * days;
}

const GrantJson = z.object({ role: z.enum(ROLES), bodyId: z.int().nullable() });

/** `GET /api/v1/me`: the signed-in person or the token, with the roles it holds. */
export const CallerJson = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('user'), email: z.string(), name: z.string(), grants: z.array(GrantJson) }),
    z.object({ kind: z.literal('token'), name: z.string(), grants: z.array(GrantJson) }),
  ])
  .meta({ id: 'Caller' });
