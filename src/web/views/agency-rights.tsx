/**
 * The agency's copyright line and usage terms, as it sent them with the story (ninjs
 * `copyrightNotice`/`usageTerms`, NewsML `rightsInfo`, NewsML 1.2 `CopyrightLine`): shown in
 * the disclaimer box, small, because republishing partners must see them. Nothing when absent.
 */
export function AgencyRights(props: { notice?: string | null; terms?: string | null }) {
  if (!props.notice && !props.terms) return null;
  return (
    <p class="rights">
      {props.notice && <span class="rights-notice">{props.notice}</span>}
      {props.notice && props.terms && ' · '}
      {props.terms && <span class="rights-terms">Usage: {props.terms}</span>}
    </p>
  );
}
