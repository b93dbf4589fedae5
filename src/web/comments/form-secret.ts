import type { Store } from '../../store/store.js';

const secrets = new WeakMap<Store, Promise<string>>();

/** The site's form-signing key: read from the store once per process (it never changes). */
export function formSecretOf(store: Store): Promise<string> {
  let secret = secrets.get(store);
  if (!secret) {
    secret = store.comments.formSecret();
    secrets.set(store, secret);
    secret.catch(() => secrets.delete(store));
  }
  return secret;
}
