import type { Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { layoutBase } from '../page-context.js';
import { Layout } from '../views/layout.js';

/** The parts of an OpenAPI 3.1 document the reference page shows. */
interface OpenApiDocument {
  info: { title: string; description?: string };
  servers?: { url: string }[];
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}
interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, unknown> };
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
  security?: unknown[];
}
interface Schema {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  $ref?: string;
  anyOf?: Schema[];
  maximum?: number;
  minimum?: number;
  default?: unknown;
}

/** A short type name for a schema: "string", "integer[]", "ArticleSummary", "string | null". */
function typeOf(s: Schema | undefined): string {
  if (!s) return '';
  if (s.$ref) return s.$ref.split('/').at(-1)!;
  if (s.anyOf) return s.anyOf.map(typeOf).join(' | ');
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const t = Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'any');
  return t === 'array' ? `${typeOf(s.items)}[]` : t;
}

/** A table's header row. */
const Head = (props: { cols: string[] }) => (
  <thead>
    <tr>
      {props.cols.map((c) => (
        <th scope="col">{c}</th>
      ))}
    </tr>
  </thead>
);

/**
 * Descriptions in the document are CommonMark (OpenAPI 3.1 §4.8.1); the page renders only
 * what they use, `inline code`, and shows everything else as the escaped text it is.
 */
export const Prose = (props: { text: string | undefined }) => (
  <>{(props.text ?? '').split(/`([^`\n]+)`/).map((part, i) => (i % 2 === 1 ? <code>{part}</code> : part))}</>
);

/** Which key an operation needs, by its security scheme's name. */
function keyNeeded(security: unknown[] | undefined): string {
  const schemes = (security ?? []).flatMap((s) => Object.keys(s as object));
  if (schemes.includes('partnerKey')) return ' Needs a partner key (Authorization: Bearer gzp_…).';
  if (schemes.length > 0) return ' Needs a provider API key (Authorization: Bearer).';
  return '';
}

const anchor = (method: string, path: string) => `${method}-${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}`;

/**
 * GET /api/docs — a readable reference of the JSON API, rendered on the server from the
 * same OpenAPI document as /api/v1/openapi.json (no script: the site's CSP allows none).
 */
export function apiDocsPage(deps: AppDeps, openApi: object) {
  // Read as plain JSON: the page shows only the parts typed above.
  const document = JSON.parse(JSON.stringify(openApi)) as OpenApiDocument;
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  const schemas = Object.entries(document.components?.schemas ?? {});
  const configured = document.servers?.[0]?.url ?? '';
  return async (c: Context) => {
    // Without PUBLIC_URL the configured address may be a bind address (0.0.0.0, port 0):
    // the address the reader used is the one that works for them.
    const server = deps.config.publicUrlConfigured ? configured : `${new URL(c.req.url).origin}/api/v1`;
    c.header('Cache-Control', 'public, max-age=300');
    return c.html(
      <Layout {...await layoutBase(deps)} title="API reference" description={document.info.title}>
        <article class="api-docs">
          <h1>{document.info.title}</h1>
          <p>
            <Prose text={document.info.description} />
          </p>
          <p>
            Base URL: <code>{server}</code>. The machine-readable document is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
          </p>
          <nav aria-label="Endpoints">
            <ul>
              {operations.map(({ path, method, op }) => (
                <li>
                  <a href={`#${anchor(method, path)}`}>
                    <code>
                      {method.toUpperCase()} {path}
                    </code>
                  </a>{' '}
                  — <Prose text={op.summary} />
                </li>
              ))}
            </ul>
          </nav>
          {operations.map(({ path, method, op }) => (
            <section id={anchor(method, path)} aria-labelledby={`${anchor(method, path)}-h`}>
              <h2 id={`${anchor(method, path)}-h`}>
                <code>
                  {method.toUpperCase()} {path}
                </code>
              </h2>
              <p>
                <strong>
                  <Prose text={op.summary} />
                </strong>
                {keyNeeded(op.security)}
              </p>
              {op.description && (
                <p>
                  <Prose text={op.description} />
                </p>
              )}
              {op.parameters && op.parameters.length > 0 && (
                <table>
                  <caption>Parameters</caption>
                  <Head cols={['name', 'in', 'type', 'meaning']} />
                  <tbody>
                    {op.parameters.map((p) => (
                      <tr>
                        <td>
                          <code>{p.name}</code>
                          {p.required ? ' (required)' : ''}
                        </td>
                        <td>{p.in}</td>
                        <td>{typeOf(p.schema)}</td>
                        <td>
                          <Prose text={p.description ?? p.schema?.description} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {op.requestBody && <p>Body: {Object.keys(op.requestBody.content ?? {}).join(', ')}</p>}
              <table>
                <caption>Responses</caption>
                <Head cols={['status', 'meaning', 'media types']} />
                <tbody>
                  {Object.entries(op.responses ?? {}).map(([status, r]) => (
                    <tr>
                      <td>{status}</td>
                      <td>
                        <Prose text={r.description} />
                      </td>
                      <td>{Object.keys(r.content ?? {}).join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
          <h2>Schemas</h2>
          {schemas.map(([name, schema]) => (
            <section id={`schema-${name}`} aria-labelledby={`schema-${name}-h`}>
              <h3 id={`schema-${name}-h`}>{name}</h3>
              {schema.description && (
                <p>
                  <Prose text={schema.description} />
                </p>
              )}
              {schema.properties && (
                <table>
                  <Head cols={['field', 'type', 'meaning']} />
                  <tbody>
                    {Object.entries(schema.properties).map(([field, s]) => (
                      <tr>
                        <td>
                          <code>{field}</code>
                          {schema.required?.includes(field) ? '' : ' (optional)'}
                        </td>
                        <td>{typeOf(s)}</td>
                        <td>
                          <Prose text={s.description} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          ))}
        </article>
      </Layout>,
    );
  };
}
