import { jsonResponse, type OpenApiPaths, SECURITY, withErrors } from '../../kernel/http/openapi.ts';
import { deliveryPaths as paths } from './delivery.paths.ts';
import {
  ActionJson,
  ActionParams,
  DeliveryPlanJson,
  DeliveryPlanListJson,
  PlanKeyParams,
} from './delivery.schemas.ts';

/** Delivery plans, described for the OpenAPI document. */
export const DELIVERY_OPENAPI: OpenApiPaths = {
  [paths.apiList.openApi]: {
    get: {
      summary: 'Delivery plans: the office’s and the force’s, for each police and crime plan version',
      description:
        'Every published delivery plan (and, for the office’s officers, those not yet published), newest plan first: the police and crime plan and version it delivers, whose it is (`opcc` or `force`), its title and how many actions it has.',
      security: SECURITY.public,
      responses: withErrors({
        '200': jsonResponse('`{"deliveryPlans": [DeliveryPlan…]}`', DeliveryPlanListJson),
      }),
    },
  },
  [paths.apiPlan.openApi]: {
    get: {
      summary: 'One delivery plan with its actions',
      description:
        'Each action with its owner, start and due dates, the key aims and measures it serves (by the plan’s codes), its milestones, its latest status and its whole status history, each change with its date, evidence, recovery note when off track, and who recorded it. `overdue` is true for an action past its due date that is neither completed nor withdrawn. The same is at /delivery/{plan}/{version}/{owner}.csv and .json.',
      security: SECURITY.public,
      requestParams: { path: PlanKeyParams },
      responses: withErrors(
        { '200': jsonResponse('The delivery plan', DeliveryPlanJson) },
        {
          '400': 'The plan, version or owner is malformed',
          '404': 'No such delivery plan, or not published',
        },
      ),
    },
  },
  [paths.apiAction.openApi]: {
    get: {
      summary: 'One delivery action, with its milestones and status history',
      security: SECURITY.public,
      requestParams: { path: ActionParams },
      responses: withErrors(
        { '200': jsonResponse('The action', ActionJson) },
        { '400': 'A path parameter is malformed', '404': 'No such action, or its plan is not published' },
      ),
    },
  },
};
