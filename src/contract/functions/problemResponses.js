// Every error response (4xx, 5xx, default) of an operation must be application/problem+json with the one shared
// schema, #/components/schemas/Problem -- either inline or through a #/components/responses entry.
// Runs on the unresolved document so the $ref to the Problem schema itself can be checked.
'use strict';

const PROBLEM = '#/components/schemas/Problem';

module.exports = (responses, _options, context) => {
  const results = [];
  if (responses === null || typeof responses !== 'object') {
    return results;
  }
  const components = ((context.document.data || {}).components || {}).responses || {};
  for (const [status, declared] of Object.entries(responses)) {
    if (!/^([45]\d\d|[45]XX|default)$/.test(status)) {
      continue;
    }
    const path = [...context.path, status];
    let response = declared;
    if (declared && typeof declared.$ref === 'string') {
      const match = /^#\/components\/responses\/(.+)$/.exec(declared.$ref);
      response = match ? components[match[1]] : undefined;
      if (!response) {
        results.push({ message: `${status} refers to ${declared.$ref}, which is not a shared response`, path });
        continue;
      }
    }
    const content = (response && response.content) || {};
    const types = Object.keys(content);
    if (types.length !== 1 || types[0] !== 'application/problem+json') {
      results.push({ message: `${status} must have exactly the media type application/problem+json, has [${types.join(', ')}]`, path });
      continue;
    }
    const schema = content['application/problem+json'].schema || {};
    if (schema.$ref !== PROBLEM) {
      results.push({ message: `${status} must use the shared schema ${PROBLEM}`, path });
    }
  }
  return results;
};
