// Reads every JSON-stat dataset the test suite saved (target/jsonstat, JsonStatTest) with jsonstat-toolkit, a reader
// independent of the service, and checks that each value it finds is the value of the same geography and period in
// the service's JSON answer. Run by .ci/run after the suite: node jsonstat-check.mjs ../../target/jsonstat
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import JSONstat from "jsonstat-toolkit";

const dir = process.argv[2];
const names = readdirSync(dir).filter((f) => f.endsWith(".jsonstat.json"));
if (names.length === 0) {
  throw new Error(`no JSON-stat datasets in ${dir}: run the test suite first`);
}
let checked = 0;
for (const name of names) {
  const dataset = JSONstat(JSON.parse(readFileSync(join(dir, name), "utf8")));
  const answer = JSON.parse(readFileSync(join(dir, name.replace(".jsonstat.json", ".json")), "utf8"));
  if (dataset.class !== "dataset") {
    throw new Error(`${name}: not read as a dataset`);
  }
  for (const observation of answer.observations) {
    const cell = { indicator: answer.indicator.id, geo: observation.geo, period: observation.period };
    const expected = observation.value !== null ? [["value", observation.value]] : [["low", observation.low], ["high", observation.high]];
    for (const [bound, value] of expected) {
      const found = dataset.Data(bound === "value" ? cell : { ...cell, bound });
      if (found === null || Number(found.value) !== Number(value)) {
        throw new Error(`${name}: ${JSON.stringify(cell)} ${bound} is ${found && found.value}, the JSON answer says ${value}`);
      }
      checked++;
    }
  }
}
console.log(`jsonstat-toolkit read ${names.length} datasets; ${checked} values agree with the JSON answers`);
