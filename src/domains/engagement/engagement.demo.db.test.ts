import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../kernel/auth/actor.ts';
import { useTestServices } from '../../kernel/testing/test-app.ts';
import { testEngines } from '../../kernel/testing/test-database.ts';
import { seedDemoEngagement } from './engagement.demo.ts';
import { seedEngagementFixture } from './engagement.testing.ts';

const system = systemActor('demo');

describe.each(testEngines())('the demo surveys, on %s', (engine) => {
  const fixture = useTestServices(engine);

  beforeAll(async () => {
    await seedEngagementFixture(fixture.database.current, fixture.services);
  });

  it('loads both surveys and the consultation’s offline responses once; seeding again changes nothing', async () => {
    expect(await seedDemoEngagement(fixture.services.engagement, system)).toEqual([
      '2 surveys',
      '240 survey responses',
    ]);
    expect(await seedDemoEngagement(fixture.services.engagement, system)).toEqual([]);
    const analysis = await fixture.services.engagement.readAnalysis(system, 'plan-consultation-2026');
    expect(analysis.results.responses).toBe(240);
    expect(analysis.results.channels.map((channel) => channel.channel)).toEqual(['event', 'panel', 'paper']);
    const young = await fixture.services.engagement.readSurveyForm('young-people-2026');
    expect(young.survey.audience).toBe('young-people');
    expect(young.questions.some((question) => question.kind === 'postcode' || question.contact)).toBe(false);
  });
});
