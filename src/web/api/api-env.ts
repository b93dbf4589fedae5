import type { ApiKey } from '../../domain/api-key.js';
import type { PartnerKey } from '../../domain/partner.js';
import type { Provider } from '../../domain/provider.js';

/** What the API's routes know once a request is authenticated (Hono context variables). */
export interface ApiEnv {
  Variables: {
    provider: Provider;
    apiKey: ApiKey;
    /** The partner key a read presented, once checked. */
    partnerKeyId: string;
    /** The partner a webhook route acts for (partner-webhooks.ts). */
    partner: PartnerKey;
  };
}
