import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { sanitizeHtml } from './sanitize-html.js';

const base = 'https://news.example/world/story.html';

/** Anything in sanitized output that could run code in a reader's browser. */
function executableVector(html: string): string | null {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const el of Array.from(document.querySelectorAll('*')) as Element[]) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'style', 'svg', 'math', 'object', 'embed', 'base', 'meta', 'link', 'form', 'frame', 'frameset'].includes(tag)) return `<${tag}>`;
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'style' || name === 'srcdoc' || name === 'formaction') return `${tag}[${name}]`;
      if (['href', 'src', 'cite', 'action', 'data'].includes(name) && !/^(https?:|mailto:)/i.test(attr.value.trim())) return `${tag}[${name}=${attr.value}]`;
    }
    if (tag === 'iframe' && (!el.getAttribute('sandbox') || !/^https:\/\/(www\.youtube\.com|www\.youtube-nocookie\.com|player\.vimeo\.com)\//.test(el.getAttribute('src') ?? ''))) return 'unsandboxed iframe';
  }
  return null;
}

describe('sanitizeHtml', () => {
  const vectors: [string, string][] = [
    ['script', '<p>Hello</p><script>alert(1)</script>'],
    ['img onerror', '<img src=x onerror=alert(1)>'],
    ['svg onload', '<svg onload=alert(1)><circle r="1"/></svg><p>after</p>'],
    ['javascript: link', '<a href="javascript:alert(1)">x</a>'],
    ['mixed-case javascript:', '<a href="JaVaScRiPt:alert(1)">x</a>'],
    ['entity-encoded javascript:', '<a href="&#106;&#97;vascript:alert(1)">x</a>'],
    ['hex-entity javascript:', '<a href="&#x6A;avascript&#x3A;alert(1)">x</a>'],
    ['tab inside scheme', '<a href="java\tscript:alert(1)">x</a>'],
    ['leading space', '<a href="  javascript:alert(1)">x</a>'],
    ['vbscript:', '<a href="vbscript:msgbox(1)">x</a>'],
    ['data: link', '<a href="data:text/html,<script>alert(1)</script>">x</a>'],
    ['data: image', '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">'],
    ['CSS expression', '<p style="width: expression(alert(1))">x</p>'],
    ['style element', '<style>body{background:url(javascript:alert(1))}</style><p>x</p>'],
    ['malformed nesting', '<p><b><i>x</p></b><scr<script>ipt>alert(1)</script>'],
    ['unclosed attribute', '<img src="x" onerror="alert(1)'],
    ['base', '<base href="javascript:alert(1)//"><a href="/x">x</a>'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><p>x</p>'],
    ['iframe elsewhere', '<iframe src="https://evil.example/"></iframe>'],
    ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>" src="https://www.youtube.com/embed/a"></iframe>'],
    ['form action', '<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">go</button></form>'],
    ['object', '<object data="javascript:alert(1)"></object>'],
  ];
  for (const [name, html] of vectors) {
    it(`removes the executable part of: ${name}`, () => {
      const clean = sanitizeHtml(html, { baseUrl: base });
      assert.equal(executableVector(clean), null, clean);
      // Text that merely reads "alert(1)" is harmless once escaped; markup must not carry it.
      assert.doesNotMatch(clean, /<script|<svg|\son\w+=|="\s*(javascript|vbscript|data):/i);
    });
  }

  it('keeps the structure of a story', () => {
    const html =
      '<h2>Sub</h2><p>A <strong>bold</strong> and <em>em</em> <a href="/more">link</a>.</p><ul><li>one</li></ul><blockquote><p>quote</p></blockquote>' +
      '<table><tr><th>a</th><td>b</td></tr></table><figure><img src="/p.jpg" alt="A photo"><figcaption>Caption</figcaption></figure>';
    const clean = sanitizeHtml(html, { baseUrl: base });
    for (const tag of ['<h2>', '<strong>', '<em>', '<ul>', '<li>', '<blockquote>', '<table>', '<th>', '<td>', '<figure>', '<figcaption>']) assert.ok(clean.includes(tag), tag);
    assert.ok(clean.includes('href="https://news.example/more"'), 'relative link resolved');
    assert.ok(clean.includes('src="https://news.example/p.jpg"'), 'relative image resolved');
  });

  it('marks only links that leave the site nofollow noopener', () => {
    const clean = sanitizeHtml('<a href="/a">in</a> <a href="https://other.example/b" rel="author">out</a>', { baseUrl: base });
    assert.match(clean, /<a href="https:\/\/news\.example\/a">in<\/a>/);
    assert.match(clean, /<a href="https:\/\/other\.example\/b" rel="nofollow noopener">out<\/a>/);
  });

  it('keeps https video players, sandboxed, and drops plain-http ones', () => {
    const clean = sanitizeHtml('<iframe src="https://www.youtube.com/embed/abc" onload="x()"></iframe><iframe src="http://player.vimeo.com/video/1"></iframe>');
    assert.match(clean, /<iframe src="https:\/\/www\.youtube\.com\/embed\/abc" sandbox="[^"]+"/);
    assert.equal((clean.match(/<iframe/g) ?? []).length, 1);
  });

  it('drops tracking pixels', () => {
    assert.equal(sanitizeHtml('<img src="https://t.example/p.gif" width="1" height="1">'), '');
  });

  // Random HTML built from the tags, attributes and URLs attackers use.
  const tag = fc.constantFrom('p', 'a', 'img', 'script', 'svg', 'iframe', 'div', 'b', 'style', 'base', 'meta', 'table', 'td', 'figure', 'math', 'form', 'object', 'template');
  const attrName = fc.constantFrom('href', 'src', 'onerror', 'onload', 'style', 'srcdoc', 'HREF', 'OnClick', 'width', 'height', 'rel', 'xlink:href', 'formaction');
  const attrValue = fc.constantFrom('javascript:alert(1)', 'JaVaScRiPt:alert(1)', '&#106;avascript:alert(1)', 'data:text/html,x', 'https://ok.example/', '/rel', '1', 'expression(alert(1))', '" onerror="alert(1)', 'vbscript:x', ' java\tscript:x');
  const element: fc.Arbitrary<string> = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.string({ maxLength: 8 }),
      fc.tuple(tag, fc.array(fc.tuple(attrName, attrValue), { maxLength: 3 }), fc.array(tie('node'), { maxLength: 3 }), fc.boolean()).map(
        ([t, attrs, children, close]) => `<${t}${attrs.map(([n, v]) => ` ${n}="${v}"`).join('')}>${children.join('')}${close ? `</${t}>` : ''}`,
      ),
    ),
  })).node as fc.Arbitrary<string>;

  it('never lets an executable vector through (property)', () => {
    fc.assert(
      fc.property(fc.array(element, { maxLength: 5 }), (parts) => {
        const clean = sanitizeHtml(parts.join(''), { baseUrl: base });
        assert.equal(executableVector(clean), null, clean);
      }),
      { numRuns: 400 },
    );
  });

  it('is a fixed point and its output parses and serializes back unchanged (property)', () => {
    fc.assert(
      fc.property(fc.array(element, { maxLength: 5 }), (parts) => {
        const once = sanitizeHtml(parts.join(''), { baseUrl: base });
        assert.equal(sanitizeHtml(once, { baseUrl: base }), once);
        const { document } = parseHTML(`<!doctype html><html><body><div id="r">${once}</div></body></html>`);
        const reparsed = document.getElementById('r')!.innerHTML;
        assert.equal(sanitizeHtml(reparsed, { baseUrl: base }), once);
      }),
      { numRuns: 300 },
    );
  });
});
