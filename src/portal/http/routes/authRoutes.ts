/** Login, token refresh, logout and "who am I". */
import { ALL_ROLES } from '../../auth/authenticatedUser';
import { login, logout, logoutByRefreshToken, refresh } from '../../auth/sessionService';
import { getUser } from '../../domain/userStore';
import {
  LoginRequestSchema,
  LogoutRequestSchema,
  RefreshRequestSchema,
  TokenPairSchema,
  UserSchema,
} from '../../../shared/portalWire/authSchemas';
import { ErrorResponseSchema } from '../../../shared/portalWire/commonSchemas';
import { HttpError, unauthorized } from '../httpError';
import { defineRoute } from '../routeDefinition';
import { NO_STORE } from '../routeHelpers';

export const loginRoute = defineRoute({
  method: 'POST',
  url: '/auth/login',
  summary: 'Log in with user name and password; at most 5 failures a minute per name and address',
  tag: 'auth',
  public: true,
  roles: [],
  body: LoginRequestSchema,
  responses: { 200: TokenPairSchema, 401: ErrorResponseSchema, 429: ErrorResponseSchema },
  async handler({ body, context, request }) {
    const result = await login(context, body.userName, body.password, request.ip);
    if (result.kind === 'rate-limited') {
      throw new HttpError(
        429,
        'unavailable',
        'Too many failed logins; try again later',
        undefined,
        {
          'retry-after': String(result.retryAfterSeconds),
        },
      );
    }
    if (result.kind === 'invalid') {
      throw new HttpError(401, 'unauthorized', 'User name or password is wrong');
    }
    return { status: 200, body: result.tokens, headers: NO_STORE };
  },
});

export const refreshRoute = defineRoute({
  method: 'POST',
  url: '/auth/refresh',
  summary: 'Trade a refresh token for a new token pair (the old refresh token becomes invalid)',
  tag: 'auth',
  public: true,
  roles: [],
  body: RefreshRequestSchema,
  responses: { 200: TokenPairSchema, 401: ErrorResponseSchema },
  async handler({ body, context }) {
    const tokens = await refresh(context, body.refreshToken);
    if (!tokens) throw unauthorized();
    return { status: 200, body: tokens, headers: NO_STORE };
  },
});

export const logoutRoute = defineRoute({
  method: 'POST',
  url: '/auth/logout',
  summary: 'End the session of this access token (and of the refresh token, if given)',
  tag: 'auth',
  roles: ALL_ROLES,
  body: LogoutRequestSchema.optional(),
  responses: { 204: null },
  async handler({ body, user, context }) {
    await logout(context, user.sessionId);
    if (body?.refreshToken) await logoutByRefreshToken(context, body.refreshToken);
    return { status: 204 };
  },
});

export const meRoute = defineRoute({
  method: 'GET',
  url: '/me',
  summary: 'The logged-in user with role and assigned clients',
  tag: 'auth',
  roles: ALL_ROLES,
  responses: { 200: UserSchema },
  async handler({ user, context }) {
    return { status: 200, body: await getUser(context.database, user.id), headers: NO_STORE };
  },
});

export const AUTH_ROUTES = [loginRoute, refreshRoute, logoutRoute, meRoute];
