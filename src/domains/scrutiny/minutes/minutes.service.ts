import { withDeps } from '../../../kernel/use-cases.ts';
import type { ScrutinyRecordsDeps } from '../scrutiny.context.ts';
import { approveMinutes } from './minutes.approval.ts';
import {
  addMinuteAction,
  addMinuteDecision,
  editMinuteDecision,
  followUpMinuteAction,
} from './minutes.decisions.ts';
import { applyMinutesFile } from './minutes.file.ts';
import { addMinuteItem, editMinuteItem, removeMinuteItem } from './minutes.items.ts';
import { readMinuteAction, readMinuteItemForEdit, readMinutes } from './minutes.read.ts';

export type MinutesService = ReturnType<typeof createMinutesService>;

/**
 * Minutes: numbered items that run on from one meeting to the next, with the body's resolutions and
 * recommendations and the actions it set. A draft is read only by people holding a role on the body; once
 * a later meeting approves the minutes they are public, except items heard in private, and never change.
 * Each use-case is a function of its deps (minutes.read, .items, .decisions, .approval, .file); this object
 * hands them to the routes and the records service with the deps given.
 */
export function createMinutesService(deps: ScrutinyRecordsDeps) {
  return {
    ...withDeps(deps, {
      readMinutes,
      addItem: addMinuteItem,
      addDecision: addMinuteDecision,
      addAction: addMinuteAction,
      readItemForEdit: readMinuteItemForEdit,
      editItem: editMinuteItem,
      deleteItem: removeMinuteItem,
      editDecision: editMinuteDecision,
      readAction: readMinuteAction,
      updateActionDates: followUpMinuteAction,
      approve: approveMinutes,
    }),
    applyFile: applyMinutesFile,
  };
}
