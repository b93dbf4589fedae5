/**
 * Share links as plain links: the reader's browser goes to the service only when they
 * click, no script or button of the service is loaded, and the shared URL is the canonical
 * one with nothing added to track who shared it.
 */
export function ShareLinks(props: { url: string; title: string }) {
  const u = encodeURIComponent(props.url);
  const t = encodeURIComponent(props.title);
  const services = [
    { name: 'Email', href: `mailto:?subject=${t}&body=${u}` },
    { name: 'X', href: `https://x.com/intent/post?text=${t}&url=${u}` },
    { name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { name: 'WhatsApp', href: `https://wa.me/?text=${t}%20${u}` },
  ];
  return (
    <nav class="share" aria-label="Share this story">
      <p class="share-label">Share</p>
      <ul>
        {services.map((s) => (
          <li>
            <a href={s.href} rel="noopener noreferrer nofollow">
              {s.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
