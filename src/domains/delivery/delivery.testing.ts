import fs from 'node:fs';
import path from 'node:path';
import { buildServices, type Services } from '../../composition.ts';
import { PROJECT_ROOT } from '../../kernel/assets/build-assets.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { TEST_URLS } from '../../kernel/testing/test-app.ts';
import type { TestDatabase } from '../../kernel/testing/test-database.ts';
import { createTestBody } from '../accounts/accounts.testing.ts';
import { parsePlanFile } from '../plans/index.ts';
import { loadDeliveryFile } from './delivery.files.ts';

export const PLAN = 'thames-valley-2024-2029';
export const OFFICE = 'thames-valley-pcc';

/** Thames Valley's office with the demo 2024–2029 plan issued: what a delivery plan is written against. */
export async function seedPlanForDelivery(database: TestDatabase): Promise<Services> {
  const actor = systemActor('test');
  const services = buildServices(database, TEST_URLS);
  await services.areas.seedDemoAreas(actor);
  await createTestBody(database.db, OFFICE);
  const text = fs.readFileSync(path.join(PROJECT_ROOT, `data/demo/plans/${PLAN}.yaml`), 'utf8');
  await services.plans.importPlanFile(actor, parsePlanFile(text));
  await services.plans.recordStep(actor, PLAN, {
    step: 'issued',
    occurredOn: '2024-06-01',
    note: null,
    documents: [],
  });
  return services;
}

/** A delivery plan file for the 2024–2029 plan, with the given actions (YAML, as an officer writes it). */
export function deliveryFile(owner: 'opcc' | 'force', actions: string, head = ''): string {
  return `format: peelian-delivery/1
plan: ${PLAN}
version: 1
owner: ${owner}
title: Test ${owner} delivery plan
${head}actions:
${actions}`;
}

/**
 * The office's force delivery plan (published) and its own (a draft), each with one action, for other domains'
 * records to link to: returns the two actions' addresses.
 */
export async function seedActionsToLink(services: Services) {
  const action = (reference: string) => `  - reference: ${reference}
    title: Action ${reference}
    owner: Superintendent
    startsOn: 2025-01-01
    dueOn: 2026-12-31
    aims: [PC3.A1]
`;
  const actor = systemActor('test');
  const load = (owner: 'opcc' | 'force', reference: string, head: string) =>
    loadDeliveryFile(services.delivery, actor, deliveryFile(owner, action(reference), head), `${owner}.yaml`);
  await load('force', 'LINK-1', 'publishedOn: 2025-01-10\n');
  await load('opcc', 'DRAFT-1', '');
  return { published: `${PLAN}/1/force/LINK-1`, draft: `${PLAN}/1/opcc/DRAFT-1` };
}
