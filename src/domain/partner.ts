/** A partner's read key as Gazette keeps it (never the secret): who it is and how fast it may read. */
export interface PartnerKey {
  id: number;
  /** Who the partner is, for people ("Example News app"). */
  name: string;
  /** The public part, shown by `gazette partner list` and named to revoke the key. */
  keyId: string;
  /** API reads a minute this key may make. */
  perMinute: number;
  createdAt: Date;
  revokedAt: Date | null;
}
