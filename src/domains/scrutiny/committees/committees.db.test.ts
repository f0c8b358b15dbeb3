import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../kernel/auth/actor.ts';
import { tokenHolding } from '../../../kernel/auth/auth.testing.ts';
import { ForbiddenError, ValidationError } from '../../../kernel/errors.ts';
import { useTestServices } from '../../../kernel/testing/test-app.ts';
import { testEngines } from '../../../kernel/testing/test-database.ts';
import { parseRecordsFile } from '../records/records.files.ts';
import type { ScrutinyRecordsService } from '../records/records.service.ts';
import type { GroupForm } from '../scrutiny-records.schemas.ts';
import { addTestPanel, recordsServiceAt } from '../scrutiny-records.testing.ts';

const system = systemActor('test');
const officer = (bodyId: number) => tokenHolding('scrutiny-officer', bodyId);

const groupsFile = (functions: string, members = '[]') =>
  parseRecordsFile(`
format: peelian-scrutiny-records/1
body: groups-panel
groups:
  - slug: plan-group
    name: Plan Group
    kind: task-and-finish-group
    termsOfReference: Examines the draft plan and reports to the panel.
    functions: ${functions}
    members: ${members}
`);

describe.each(testEngines())('sub-committees and task-and-finish groups on %s', (engine) => {
  const fixture = useTestServices(engine);
  const { database } = fixture;
  let records: ScrutinyRecordsService;
  let panel: number;

  beforeAll(async () => {
    panel = await addTestPanel(
      fixture,
      'groups-panel',
      `
members:
  - { name: Cllr Chair, role: chair, nominatingAuthority: Reading Borough Council }
  - { name: Cllr Member, role: member, nominatingAuthority: Slough Borough Council }
`,
    );
    records = recordsServiceAt(fixture, () => new Date('2027-01-01T12:00:00Z'));
  });

  const form = (overrides: Partial<GroupForm>): GroupForm => ({
    panel: 'groups-panel',
    name: 'Precept Working Group',
    kind: 'task-and-finish-group',
    termsOfReference: 'Looks at the budget.',
    delegated: [],
    advisory: [],
    ...overrides,
  });

  it('refuses to delegate any special function to a group, naming the field and the Act', async () => {
    for (const fn of [
      'police-and-crime-plan',
      'annual-report',
      'confirmation-hearing',
      'precept',
      'chief-constable-appointment',
    ] as const) {
      const attempt = records.committees.createGroup(officer(panel), form({ delegated: [fn] }));
      await expect(attempt).rejects.toBeInstanceOf(ValidationError);
      await expect(attempt).rejects.toMatchObject({
        fieldErrors: [
          {
            field: 'delegated',
            message: expect.stringMatching(
              /^A task-and-finish group cannot discharge .* Schedule 6 paragraph 27, keeps it for the full panel/,
            ),
          },
        ],
      });
    }
    const count = await database.current.sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM scrutiny_group',
    );
    expect(count[0]?.n).toBe(0);
  });

  it('lets a group report to the panel on a special function, and be given other functions to carry out', async () => {
    const { id } = await records.committees.createGroup(
      officer(panel),
      form({ delegated: ['scrutiny'], advisory: ['precept'] }),
    );
    const read = await records.committees.readGroup(officer(panel), id);
    expect(read.group).toMatchObject({ slug: 'precept-working-group', kind: 'task-and-finish-group' });
    expect(read.functions.map(({ function: fn, mode }) => `${fn}:${mode}`).sort()).toEqual([
      'precept:advisory',
      'scrutiny:delegated',
    ]);
    expect(read.canManage).toBe(true);
    await expect(records.committees.createGroup(officer(panel), form({}))).rejects.toMatchObject({
      fieldErrors: [{ field: 'name', message: 'The panel already has a group called Precept Working Group' }],
    });
    await expect(
      records.committees.createGroup(
        officer(panel),
        form({ name: 'Twice', delegated: ['scrutiny'], advisory: ['scrutiny'] }),
      ),
    ).rejects.toMatchObject({ fieldErrors: [{ field: 'advisory' }] });
    await expect(
      records.committees.createGroup(tokenHolding('panel-member', panel), form({ name: 'Other' })),
    ).rejects.toBeInstanceOf(ForbiddenError);
    // The database refuses a delegated special function too, whatever writes to it.
    await expect(
      database.current.sql.query(
        `INSERT INTO scrutiny_group_function (group_id, function, mode) VALUES (${id}, 'annual-report', 'delegated')`,
      ),
    ).rejects.toThrow(/special_functions_stay_with_the_full_panel/);
  });

  it('loads groups from a file with members named as on the panel; a bad file names the place', async () => {
    const good = groupsFile(
      '[{ function: police-and-crime-plan, mode: advisory }]',
      '[{ name: Cllr Chair, role: chair }, { name: Cllr Member }]',
    );
    expect((await records.importRecordsFile(system, good)).changes).toBe(1);
    expect((await records.importRecordsFile(system, good)).changes).toBe(0);
    const group = (await records.committees.listAll()).find((entry) => entry.group.slug === 'plan-group');
    expect(group?.members.map((member) => `${member.name} (${member.role})`)).toEqual([
      'Cllr Chair (chair)',
      'Cllr Member (member)',
    ]);
    await expect(
      records.importRecordsFile(
        system,
        groupsFile(
          '[{ function: scrutiny, mode: delegated }, { function: police-and-crime-plan, mode: delegated }]',
        ),
      ),
    ).rejects.toMatchObject({ fieldErrors: [{ field: 'groups.0.functions.1.function' }] });
    await expect(
      records.importRecordsFile(system, groupsFile('[]', '[{ name: Cllr Nobody }]')),
    ).rejects.toThrow(/groups\.0\.members\.0\.name: the panel has no member called Cllr Nobody/);
    const after = (await records.committees.listAll()).find((entry) => entry.group.slug === 'plan-group');
    expect(after?.functions).toEqual([
      { groupId: group?.group.id, function: 'police-and-crime-plan', mode: 'advisory' },
    ]);
  });
});
