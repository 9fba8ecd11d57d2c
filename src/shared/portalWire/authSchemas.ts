/** Wire schemas of login, refresh, logout and users. */
import { z } from 'zod';
import { IdentifierSchema, UserRoleSchema } from './commonSchemas';

export const UserNameSchema = z
  .string()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9._-]+$/, 'Lower-case letters, digits, dot, dash and underscore only');

export const LoginRequestSchema = z.strictObject({
  userName: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
});

export const RefreshRequestSchema = z.strictObject({ refreshToken: z.string().min(1).max(512) });
export const LogoutRequestSchema = z.strictObject({
  refreshToken: z.string().min(1).max(512).optional(),
});

export const UserSchema = z.object({
  id: z.string(),
  userName: z.string(),
  displayName: z.string(),
  role: UserRoleSchema,
  clientIds: z.array(z.string()),
  disabled: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

export const TokenPairSchema = z.object({
  accessToken: z.string(),
  accessTokenExpiresAt: z.string(),
  refreshToken: z.string(),
  refreshTokenExpiresAt: z.string(),
  user: UserSchema,
});
export type TokenPair = z.infer<typeof TokenPairSchema>;

export const PasswordSchema = z.string().min(12).max(1024);

export const CreateUserRequestSchema = z.strictObject({
  userName: UserNameSchema,
  displayName: z.string().min(1).max(200),
  role: UserRoleSchema,
  password: PasswordSchema,
  clientIds: z.array(IdentifierSchema).max(500),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

export const UpdateUserRequestSchema = z.strictObject({
  displayName: z.string().min(1).max(200).optional(),
  role: UserRoleSchema.optional(),
  password: PasswordSchema.optional(),
  clientIds: z.array(IdentifierSchema).max(500).optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;

export const UserIdParametersSchema = z.strictObject({ userId: IdentifierSchema });
