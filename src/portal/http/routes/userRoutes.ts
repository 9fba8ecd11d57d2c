/**
 * User administration (admins only); role changes are audited. A password reset, a disable or
 * a role change revokes every session of the user; a change of assigned clients ends the user's
 * event sockets so they reconnect with the new scope.
 */
import { z } from 'zod';
import { revokeUserSessions } from '../../auth/sessionService';
import { appendAudit } from '../../domain/auditLog';
import { createUser, findUserRowByName, listUsers, updateUser } from '../../domain/userStore';
import {
  CreateUserRequestSchema,
  UpdateUserRequestSchema,
  UserIdParametersSchema,
  UserSchema,
} from '../../../shared/portalWire/authSchemas';
import { ErrorResponseSchema } from '../../../shared/portalWire/commonSchemas';
import { nowIso } from '../../portalContext';
import { conflict, notFound } from '../httpError';
import { defineRoute } from '../routeDefinition';
import { NO_STORE } from '../routeHelpers';

export const listUsersRoute = defineRoute({
  method: 'GET',
  url: '/users',
  summary: 'All users with roles and assigned clients',
  tag: 'users',
  roles: ['admin'],
  responses: { 200: z.array(UserSchema) },
  async handler({ context }) {
    return { status: 200, body: await listUsers(context.database), headers: NO_STORE };
  },
});

export const createUserRoute = defineRoute({
  method: 'POST',
  url: '/users',
  summary: 'Create a user',
  tag: 'users',
  roles: ['admin'],
  body: CreateUserRequestSchema,
  responses: { 201: UserSchema, 409: ErrorResponseSchema },
  async handler({ body, user, context }) {
    if (await findUserRowByName(context.database, body.userName)) {
      throw conflict('User name is taken');
    }
    const at = nowIso(context);
    const created = await context.database.transaction().execute(async (transaction) => {
      const newUser = await createUser(transaction, body, context.passwordCost, at);
      await appendAudit(transaction, {
        at,
        actorUserId: user.id,
        action: 'user.created',
        clientId: null,
        targetType: 'user',
        targetId: newUser.id,
        details: { role: newUser.role, clientCount: newUser.clientIds.length },
      });
      return newUser;
    });
    return { status: 201, body: created };
  },
});

export const updateUserRoute = defineRoute({
  method: 'PATCH',
  url: '/users/:userId',
  summary: 'Change role, assigned clients, password, name or the disabled flag',
  tag: 'users',
  roles: ['admin'],
  params: UserIdParametersSchema,
  body: UpdateUserRequestSchema,
  responses: { 200: UserSchema, 404: ErrorResponseSchema },
  async handler({ body, params, user, context }) {
    const at = nowIso(context);
    const updated = await context.database.transaction().execute(async (transaction) => {
      const result = await updateUser(transaction, params.userId, body, context.passwordCost, at);
      if (!result) return undefined;
      const roleChanged = result.before.role !== result.after.role;
      await appendAudit(transaction, {
        at,
        actorUserId: user.id,
        action: roleChanged ? 'user.role-changed' : 'user.updated',
        clientId: null,
        targetType: 'user',
        targetId: params.userId,
        details: {
          previousRole: result.before.role,
          role: result.after.role,
          clientCount: result.after.clientIds.length,
          disabled: result.after.disabled,
          passwordChanged: body.password !== undefined,
        },
      });
      const revoke =
        roleChanged ||
        body.password !== undefined ||
        (result.after.disabled && !result.before.disabled);
      if (revoke) await revokeUserSessions(transaction, params.userId, at);
      const scopeChanged =
        result.before.clientIds.join() !== result.after.clientIds.join() || roleChanged;
      return { user: result.after, revoke, scopeChanged };
    });
    if (!updated) throw notFound('User');
    // After the commit: open event sockets stop now, not when their token expires.
    if (updated.revoke) context.events.endSockets({ userId: params.userId }, 'revoked');
    else if (updated.scopeChanged) {
      context.events.endSockets({ userId: params.userId }, 'scope-changed');
    }
    return { status: 200, body: updated.user };
  },
});

export const USER_ROUTES = [listUsersRoute, createUserRoute, updateUserRoute];
