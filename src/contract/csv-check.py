"""Reads the tidy CSV the test suite saved (target/csv, TidyCsvTest) with pandas, a reader that is not the service's,
and checks that it is one row per value with the same numbers, units and quotes as the JSON answer. Run by .ci/run
after the suite: python3 csv-check.py ../../target/csv"""
import json
import pathlib
import sys

import pandas

folder = pathlib.Path(sys.argv[1])
tables = sorted(folder.glob("*.csv"))
if not tables:
    raise SystemExit(f"no CSV tables in {folder}: run the test suite first")
checked = 0
for table in tables:
    frame = pandas.read_csv(table, dtype=str, keep_default_na=False)
    answer = json.loads(table.with_suffix(".json").read_text(encoding="utf-8"))
    values = answer["observations"]
    if len(frame) != len(values):
        raise SystemExit(f"{table.name}: {len(frame)} rows, the JSON answer has {len(values)} values")
    for (_, row), value in zip(frame.iterrows(), values):
        expected = {"geo": value["geo"], "period": value["period"], "value": str(value["value"]),
                    "unit": value["unit"]["code"], "quote": value["citations"][0]["quote"],
                    "document_sha256": value["citations"][0]["document"]["sha256"]}
        for column, wanted in expected.items():
            if row[column] != wanted:
                raise SystemExit(f"{table.name}: {column} is {row[column]!r}, the JSON answer says {wanted!r}")
        checked += 1
print(f"pandas {pandas.__version__} read {len(tables)} tables; {checked} rows agree with the JSON answers")
