import { accountsDomain } from './accounts/index.ts';
import { apiDomain } from './api/index.ts';
import { appointmentsDomain } from './appointments/index.ts';
import { areasDomain } from './areas/index.ts';
import { calendarDomain } from './calendar/index.ts';
import { complaintsDomain } from './complaints/index.ts';
import { decisionsDomain } from './decisions/index.ts';
import { deliveryDomain } from './delivery/index.ts';
import { engagementDomain } from './engagement/index.ts';
import { fundingDomain } from './funding/index.ts';
import { grantsDomain } from './grants/index.ts';
import { healthDomain } from './health/index.ts';
import { inspectionsDomain } from './inspections/index.ts';
import { judgementsDomain } from './judgements/index.ts';
import { DomainList } from './module.ts';
import { packsDomain } from './packs/index.ts';
import { performanceDomain } from './performance/index.ts';
import { plansDomain } from './plans/index.ts';
import { portalDomain } from './portal/index.ts';
import { preceptDomain } from './precept/index.ts';
import { recommendationsDomain } from './recommendations/index.ts';
import { scrutinyDomain } from './scrutiny/index.ts';
import { searchDomain } from './search/index.ts';
import { transparencyDomain } from './transparency/index.ts';

/**
 * Every domain, in the order their services are built and their demo data is loaded: a domain may use the
 * services of those above it (the type checker says so if it is out of order). Adding a domain is its folder
 * and one line here.
 */
export const DOMAINS = DomainList.start()
  .add(healthDomain)
  .add(areasDomain)
  .add(accountsDomain)
  .add(searchDomain)
  .add(plansDomain)
  .add(judgementsDomain)
  .add(performanceDomain)
  .add(fundingDomain)
  .add(recommendationsDomain)
  .add(scrutinyDomain)
  .add(decisionsDomain)
  .add(deliveryDomain)
  .add(inspectionsDomain)
  .add(packsDomain)
  .add(preceptDomain)
  .add(appointmentsDomain)
  .add(complaintsDomain)
  .add(grantsDomain)
  .add(transparencyDomain)
  .add(engagementDomain)
  .add(calendarDomain)
  .add(portalDomain)
  .add(apiDomain);
