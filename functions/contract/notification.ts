/** An entry in an organisation's inbox: something happened to one of its matches. */
export interface Notification {
  id: string;
  orgId: string;
  matchId: string;
  /** proposed · revised (a run's optimum replaced it) · accepted · confirmed · declined · expired · cancelled */
  event: string;
  /** The listing of the receiving organisation that the match concerns. */
  listingId: string;
  counterpartOrgName: string;
  quantity: number;
  unit: string;
  at: string;
}
