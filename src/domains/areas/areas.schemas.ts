import { z } from 'zod';

const gssCode = z.string().regex(/^[EW][0-9]{8}$/, 'must be an ONS GSS code such as E06000038');

export const LocalAuthorityInputSchema = z.object({
  gssCode,
  name: z.string().trim().min(1, 'must not be blank'),
  tier: z.enum(['unitary', 'county', 'district', 'metropolitan-district', 'london-borough']),
  /** The county council's GSS code, for a district council. */
  county: gssCode.optional(),
});

export const ForceAreaInputSchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'),
    name: z.string().trim().min(1, 'must not be blank'),
    gssCode: z
      .string()
      .regex(/^(E23|W15)[0-9]{6}$/, 'must be a police force area GSS code such as E23000029 or W15000001'),
    localAuthorities: z.array(LocalAuthorityInputSchema),
  })
  .superRefine((area, ctx) => {
    const counties = new Set(
      area.localAuthorities.filter((la) => la.tier === 'county').map((la) => la.gssCode),
    );
    area.localAuthorities.forEach((la, index) => {
      if ((la.tier === 'district') !== (la.county !== undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: ['localAuthorities', index, 'county'],
          message: 'is required for a district council and only for one',
        });
      } else if (la.county && !counties.has(la.county)) {
        ctx.addIssue({
          code: 'custom',
          path: ['localAuthorities', index, 'county'],
          message: `names ${la.county}, which is not a county council in this force area`,
        });
      }
    });
  });

export type ForceAreaInput = z.infer<typeof ForceAreaInputSchema>;
export type LocalAuthorityInput = z.infer<typeof LocalAuthorityInputSchema>;

/** The areas as the API sends them: each force area with its local authorities and their ONS codes. */
export const ForceAreasJson = z.object({
  forceAreas: z.array(
    z
      .object({
        id: z.int(),
        slug: z.string(),
        name: z.string(),
        gssCode: z.string().nullable().meta({ description: 'ONS police force area code; null outside them' }),
        inPccModel: z.boolean(),
        policingBodyKind: z.enum(['pcc', 'pfcc', 'mayor', 'police-authority']).nullable(),
        policingBodyName: z.string().nullable(),
        policingBodySince: z.string().nullable(),
        scrutinyBodyKind: z.enum(['police-and-crime-panel', 'london-assembly-committee']).nullable(),
        scrutinyBodyName: z.string().nullable(),
        governanceNote: z.string().nullable(),
        localAuthorities: z.array(
          z.object({
            id: z.int(),
            forceAreaId: z.int(),
            gssCode: z.string(),
            name: z.string(),
            tier: LocalAuthorityInputSchema.shape.tier,
            countyName: z.string().nullable(),
            countyGssCode: z.string().nullable(),
          }),
        ),
      })
      .meta({ id: 'ForceArea' }),
  ),
});
