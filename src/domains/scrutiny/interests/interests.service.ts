import { withDeps } from '../../../kernel/use-cases.ts';
import type { ScrutinyDeps } from '../scrutiny.context.ts';
import { addDeclaration, listMeetingDeclarations, removeDeclaration } from './interests.declarations.ts';
import { readRegister, registerInterest, removeInterest } from './interests.register.ts';

export type ScrutinyInterestsService = ReturnType<typeof createScrutinyInterestsService>;

/**
 * The register of members' interests, and the interests members declare at meetings. Each use-case is a
 * function of its deps (interests.register, .declarations); this object hands them to the routes with the
 * deps given.
 */
export function createScrutinyInterestsService(deps: ScrutinyDeps) {
  return withDeps(deps, {
    readRegister,
    registerInterest,
    removeInterest,
    listMeetingDeclarations,
    addDeclaration,
    removeDeclaration,
  });
}
