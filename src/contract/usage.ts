// How a TypeScript user reads the Indicator API with types generated from the contract by openapi-typescript
// (`npm run types` writes generated/indicator-api.d.ts). CI type-checks this file with `tsc --noEmit`: if the
// contract changes in a way that breaks this code, CI fails.
import type { components, paths } from "./generated/indicator-api";

type Schemas = components["schemas"];
export type IndicatorPage = Schemas["IndicatorPage"];
export type IndicatorSummary = Schemas["IndicatorSummary"];
export type ObservationSet = Schemas["ObservationSet"];
export type Observation = Schemas["Observation"];
export type Problem = Schemas["Problem"];
export type ClaimCheck = Schemas["ClaimCheck"];

type ListIndicatorsQuery = NonNullable<paths["/v1/indicators"]["get"]["parameters"]["query"]>;
type ObservationsQuery = NonNullable<paths["/v1/indicators/{id}/observations"]["get"]["parameters"]["query"]>;
type ObservationsOk = paths["/v1/indicators/{id}/observations"]["get"]["responses"][200]["content"]["application/json"];
type ClaimQuery = NonNullable<paths["/v1/claims/check"]["get"]["parameters"]["query"]>;
type NotFound = paths["/v1/indicators/{id}"]["get"]["responses"][404]["content"]["application/problem+json"];

/** An error answer of the API: its status and its RFC 9457 problem body. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(`${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ""}`);
  }
}

function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

async function get<T>(baseUrl: string, path: string): Promise<T> {
  const response = await fetch(baseUrl + path, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    throw new ApiError(response.status, (await response.json()) as Problem);
  }
  return (await response.json()) as T;
}

/** Every indicator, following `next` until it is null. */
export async function allIndicators(baseUrl: string, filter: Omit<ListIndicatorsQuery, "cursor"> = {}): Promise<IndicatorSummary[]> {
  const all: IndicatorSummary[] = [];
  let cursor: string | null = null;
  do {
    const page: IndicatorPage = await get<IndicatorPage>(baseUrl, `/v1/indicators${query({ ...filter, ...(cursor ? { cursor } : {}) })}`);
    all.push(...page.items);
    cursor = page.next;
  } while (cursor !== null);
  return all;
}

/** One indicator's observations with the quote each value comes from. */
export async function quotedValues(baseUrl: string, id: string, params: ObservationsQuery = {}): Promise<string[]> {
  const set: ObservationsOk = await get<ObservationSet>(baseUrl, `/v1/indicators/${encodeURIComponent(id)}/observations${query(params)}`);
  return set.observations.map((o: Observation) => {
    const value: number | null = o.value;
    const quote: string = o.citations[0]?.quote ?? "";
    return `${o.geo} ${o.period}: ${value ?? `${o.low ?? "?"}–${o.high ?? "?"}`} (“${quote}”, ${o.unit.code})`;
  });
}

/** The catalogue values that state a number written in a sentence exactly, with the quote that states each. */
export async function exactSources(baseUrl: string, claim: ClaimQuery): Promise<string[]> {
  const check = await get<ClaimCheck>(baseUrl, `/v1/claims/check${query(claim)}`);
  return check.verdicts
    .filter((verdict) => verdict.verdict === "exact")
    .map((verdict) => `${verdict.indicator.id} ${verdict.value.period}: “${verdict.value.citations[0]?.quote ?? ""}”`);
}

/** A 404 is a typed problem, not a thrown string. */
export function isNotFound(error: unknown): error is ApiError & { problem: NotFound } {
  return error instanceof ApiError && error.status === 404;
}

// Compile-time checks of what SDK users rely on; each line fails tsc if the contract changes it.
const example: ObservationsQuery = { geo: "KR", startPeriod: "2020", endPeriod: "2023", lastNObservations: 1 };
const problemShape: Pick<Problem, "type" | "title" | "status"> = { type: "urn:indicator-api:problem:not-found", title: "Not found", status: 404 };
const claim: ClaimQuery = { text: "부족 인력은 8579명으로 집계됐다", indicator: "ai-workforce-shortfall" };
export const checks = [example, problemShape, claim] as const;
