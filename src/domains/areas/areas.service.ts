import fs from 'node:fs';
import path from 'node:path';
import { recordChange } from '../../kernel/audit/audit.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import {
  type ForceAreaRow,
  findForceAreaByName,
  findForceAreaBySlug,
  type LocalAuthorityRow,
  listForceAreas,
  listLocalAuthorities,
  upsertForceArea,
  upsertLocalAuthority,
} from './areas.queries.ts';
import { type ForceAreaInput, ForceAreaInputSchema } from './areas.schemas.ts';
import type { AreasDb as Db } from './areas.tables.ts';

export interface ForceAreaWithAuthorities extends ForceAreaRow {
  localAuthorities: LocalAuthorityRow[];
}

const DEMO_FILE = path.join(import.meta.dirname, 'demo-data', 'thames-valley.json');

export type AreasService = ReturnType<typeof createAreasService>;

export function createAreasService(db: Db) {
  /**
   * Creates or updates a force area and its local authorities in one transaction, auditing what changed;
   * saving the same file again changes and records nothing.
   */
  async function saveForceArea(actor: Actor, input: ForceAreaInput): Promise<number> {
    return db.transaction().execute(async (trx) => {
      const existingArea = await findForceAreaBySlug(trx, input.slug);
      const forceAreaId = await upsertForceArea(trx, input);
      await recordChange(
        trx,
        actor,
        { type: 'force_area', id: forceAreaId },
        existingArea && { slug: existingArea.slug, name: existingArea.name, gssCode: existingArea.gssCode },
        { slug: input.slug, name: input.name, gssCode: input.gssCode },
      );
      const existing = new Map((await listLocalAuthorities(trx)).map((row) => [row.gssCode, row]));
      // Counties first, so each district can point at its county.
      const countyIds = new Map<string, number>();
      const countiesFirst = [...input.localAuthorities].sort(
        (a, b) => Number(b.tier === 'county') - Number(a.tier === 'county'),
      );
      for (const authority of countiesFirst) {
        const countyId = authority.county ? (countyIds.get(authority.county) ?? null) : null;
        const id = await upsertLocalAuthority(trx, { ...authority, forceAreaId, countyId });
        if (authority.tier === 'county') countyIds.set(authority.gssCode, id);
        const before = existing.get(authority.gssCode);
        await recordChange(
          trx,
          actor,
          { type: 'local_authority', id },
          before && {
            gssCode: before.gssCode,
            name: before.name,
            tier: before.tier,
            forceAreaId: before.forceAreaId,
            county: before.countyGssCode,
          },
          {
            gssCode: authority.gssCode,
            name: authority.name,
            tier: authority.tier,
            forceAreaId,
            county: authority.county ?? null,
          },
        );
      }
      return forceAreaId;
    });
  }

  async function listForceAreasWithAuthorities(): Promise<ForceAreaWithAuthorities[]> {
    const [areas, authorities] = await Promise.all([listForceAreas(db), listLocalAuthorities(db)]);
    return areas.map((area) => ({
      ...area,
      localAuthorities: authorities.filter((authority) => authority.forceAreaId === area.id),
    }));
  }

  /** One force area, by the name an installation is configured with, with its authorities (two indexed reads). */
  async function findForceAreaWithAuthorities(name: string): Promise<ForceAreaWithAuthorities | null> {
    const area = await findForceAreaByName(db, name);
    return area ? { ...area, localAuthorities: await listLocalAuthorities(db, area.id) } : null;
  }

  async function seedDemoAreas(actor: Actor): Promise<{ forceAreas: number; localAuthorities: number }> {
    const input = ForceAreaInputSchema.parse(JSON.parse(fs.readFileSync(DEMO_FILE, 'utf8')));
    await saveForceArea(actor, input);
    return { forceAreas: 1, localAuthorities: input.localAuthorities.length };
  }

  return {
    saveForceArea,
    listForceAreasWithAuthorities,
    findForceAreaWithAuthorities,
    seedDemoAreas,
    findForceArea: (slug: string) => findForceAreaBySlug(db, slug),
  };
}
