import type { Actor } from '../auth/actor.ts';

export interface Deadline {
  uid: string;
  date: string;
  title: string;
  /** The rule the date comes from, in plain words. */
  basis: string;
  url: string;
  status: string | null;
}

/** A source of statutory deadlines: each module contributes its own (plans today; scrutiny, delivery next). */
export type DeadlineSource = (actor: Actor) => Promise<Deadline[]>;
