// Reads every SDMX-JSON 2.0 data message the test suite saved (target/sdmxjson, SdmxJsonTest) with sdmx-json-parser,
// the Pacific Community's reader, which is not this service's code, and checks that each value, unit and status it
// finds is the one of the same geography and period in the service's JSON answer. The reader fetches its message by
// URL, so the files are served from a local port for it. Run by .ci/run: node sdmxjson-check.mjs ../../target/sdmxjson
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import sdmxJsonParser from "sdmx-json-parser";

const { SDMXParser } = sdmxJsonParser;

const dir = process.argv[2];
const names = readdirSync(dir).filter((f) => f.endsWith(".sdmx.json"));
if (names.length === 0) {
  throw new Error(`no SDMX-JSON messages in ${dir}: run the test suite first`);
}
const server = createServer((request, response) => {
  const name = decodeURIComponent(new URL(request.url, "http://localhost").pathname.slice(1));
  response.writeHead(200, { "Content-Type": "application/vnd.sdmx.data+json;version=2.0.0" });
  response.end(readFileSync(join(dir, name)));
});
await new Promise((listening) => server.listen(0, "127.0.0.1", listening));
const base = `http://127.0.0.1:${server.address().port}/`;
const status = { observed: "Normal value", derived: "Normal value", estimated: "Estimated value", projected: "Forecast value" };
let checked = 0;
try {
  for (const name of names) {
    const parser = new SDMXParser();
    await parser.getDatasets(`${base}${encodeURIComponent(name)}?dimensionAtObservation=AllDimensions`);
    const rows = parser.getData();
    const answer = JSON.parse(readFileSync(join(dir, name.replace(".sdmx.json", ".json")), "utf8"));
    for (const observation of answer.observations) {
      const expected = observation.value !== null ? [[null, observation.value]] : [["Low", observation.low], ["High", observation.high]];
      for (const [bound, value] of expected) {
        const row = rows.find((r) => r.REF_AREA === observation.geo && r.TIME_PERIOD === observation.period
          && (bound === null || r.BOUND === bound));
        const where = `${name}: ${observation.geo} ${observation.period}${bound ? ` ${bound}` : ""}`;
        if (!row) {
          throw new Error(`${where} is not in the message as sdmx-json-parser reads it: ${JSON.stringify(rows)}`);
        }
        if (Number(row.value) !== Number(value)) {
          throw new Error(`${where} is ${row.value}, the JSON answer says ${value}`);
        }
        if (row.UNIT_MEASURE !== answer.indicator.unit.code || row.UNIT_MULT !== "0") {
          throw new Error(`${where} has unit ${row.UNIT_MEASURE} × 10^${row.UNIT_MULT}, the JSON answer says ${answer.indicator.unit.code}`);
        }
        if (row.OBS_STATUS !== status[observation.status]) {
          throw new Error(`${where} has status ${row.OBS_STATUS}, the JSON answer says ${observation.status}`);
        }
        checked++;
      }
    }
  }
} finally {
  server.close();
}
console.log(`sdmx-json-parser read ${names.length} messages; ${checked} values agree with the JSON answers`);
