/** Opening hours of a client "now": shared with the portal's routing (src/shared/domain). */
export * from '../../../shared/domain/openingHours';
