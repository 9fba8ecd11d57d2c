import { describe, expect, it } from 'vitest';
import { ClientProfileSchema } from '../domain/clientProfile';
import { DEMO_CLIENTS } from './demoClients';

describe('DEMO_CLIENTS', () => {
  it('are valid client profiles', () => {
    for (const client of DEMO_CLIENTS) {
      const parsed = ClientProfileSchema.safeParse(client);
      expect(parsed.error?.issues ?? [], client.id).toEqual([]);
    }
  });

  it('cover a law firm, a medical practice and a craftsman with the expected secrecy flags', () => {
    expect(DEMO_CLIENTS.map((client) => client.professionalSecrecy)).toEqual([true, true, false]);
  });

  it('have unique client ids, lines and approved text ids', () => {
    const clientIds = DEMO_CLIENTS.map((client) => client.id);
    const lines = DEMO_CLIENTS.flatMap((client) => client.lines);
    const textIds = DEMO_CLIENTS.flatMap((client) => client.approvedTexts.map((text) => text.id));
    expect(new Set(clientIds).size).toBe(clientIds.length);
    expect(new Set(lines).size).toBe(lines.length);
    expect(new Set(textIds).size).toBe(textIds.length);
  });

  it('give each client 15+ approved texts, 4–6 staff and 1–2 lines', () => {
    for (const client of DEMO_CLIENTS) {
      expect(client.approvedTexts.length, client.id).toBeGreaterThanOrEqual(15);
      expect(client.staff.length, client.id).toBeGreaterThanOrEqual(4);
      expect(client.staff.length, client.id).toBeLessThanOrEqual(6);
      expect(client.lines.length, client.id).toBeLessThanOrEqual(2);
    }
  });

  it('keep the texts every reception service needs: a privacy notice and the contact channels', () => {
    for (const client of DEMO_CLIENTS) {
      const byTag = (tag: string) => client.approvedTexts.filter((text) => text.tags.includes(tag));
      expect(
        byTag('datenschutz').map((text) => text.id),
        client.id,
      ).toHaveLength(1);
      const contact = byTag('kontakt');
      expect(contact, client.id).toHaveLength(1);
      expect(contact[0]!.text, client.id).toMatch(/Fax/);
      expect(contact[0]!.text, client.id).toMatch(/E-Mail/);
      expect(contact[0]!.text, client.id).toMatch(/@[\w.-]+\.example\.(org|com)/);
    }
  });

  it('use only example domains for e-mail delivery', () => {
    const addresses = DEMO_CLIENTS.flatMap((client) => client.delivery.emailAddresses);
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect(address).toMatch(/\.example\.(org|com)$/);
  });
});
