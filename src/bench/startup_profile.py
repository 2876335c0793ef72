#!/usr/bin/env python3
"""Attributes perf samples of native start-ups to start-up steps and request phases; driven by profile.sh.

Arguments: the executable's file name, then one `perf script -F pid,tid,comm,ip,sym` output per run (sampled
at 10 kHz, so a sample is 0.1 ms of CPU). Only the service's own process counts. A stack goes to the first
phase below that one of its frames names, so garbage collection inside a step counts for that step. Prints a
Markdown table of the median CPU milliseconds per phase.
"""
import re
import statistics
import sys
from collections import Counter

SAMPLE_MS = 0.1
PHASES = [
    ("start-up: SmallRye OpenAPI prepares the served document", ("OpenApiDocumentService",)),
    ("start-up: configuration (SmallRye Config)", ("Config_readConfig", "SmallRyeConfigBuilder_build")),
    ("start-up: Flyway (datasource, migration check)", ("FlywayRecorder", "Flyway_migrate", "FlywayContainer")),
    ("start-up: seed check", ("SeedLoader",)),
    ("start-up: OpenTelemetry (SDK, propagators, Vert.x tracer)", ("OpenTelemetryRecorder", "OpenTelemetryProducer", "OpenTelemetrySdk", "SdkTracerProvider", "AutoConfiguredOpenTelemetrySdk")),
    ("start-up: Micrometer (registry, binders)", ("MicrometerRecorder", "PrometheusMeterRegistry", "VertxMeterBinder")),
    ("start-up: schema version check and catalogue head", ("SchemaVersion", "CatalogueHead")),
    ("start-up: Hibernate ORM", ("FastBootHibernatePersistenceProvider", "HibernateOrmRecorder", "FastBootEntityManagerFactoryBuilder")),
    ("first request: queries and mapping", ("ObservationResource", "ObservationService")),
    ("first request: ETag and caching headers", ("HttpCaching",)),
    ("first request: routing, JSON writing", ("ResteasyReactive", "ServerSerialisers", "VertxHttpRecorder", "Http1xServerConnection")),
    ("start-up: other Quarkus steps", ("_deploy_", "Application_start")),
    ("garbage collection outside the phases above", ("GCImpl",)),
    ("isolate and thread set-up", ("Isolate", "CEntryPoint", "JavaMainWrapper", "PosixPlatformThreads")),
]
OTHER = "other (kernel, libc, connection pool threads)"
INTERPRETED = "LambdaForm_interpret"
HEADER = re.compile(r"^(.*?)\s+(\d+)/(\d+)\s*$")


def stacks(path):
    """(comm, pid, frames root first) per sample."""
    comm = pid = None
    frames = []
    with open(path, errors="replace") as lines:
        for line in lines:
            if not line.strip():
                if comm is not None:
                    yield comm, pid, list(reversed(frames))
                comm, frames = None, []
            elif line[0] not in " \t":
                match = HEADER.match(line.rstrip("\n"))
                if match:
                    comm, pid, frames = match.group(1).strip(), match.group(2), []
            else:
                parts = line.split(None, 1)
                frames.append(parts[1].strip() if len(parts) > 1 else "?")
    if comm is not None:
        yield comm, pid, list(reversed(frames))


def phase(frames):
    for name, markers in PHASES:
        if any(marker in frame for frame in frames for marker in markers):
            return name
    return OTHER


def profile(path, executable):
    samples = list(stacks(path))
    pids = {pid for comm, pid, _ in samples if executable.startswith(comm)}
    counts = Counter()
    for comm, pid, frames in samples:
        if pid in pids:
            counts[phase(frames)] += 1
            counts["total"] += 1
            if any(INTERPRETED in frame for frame in frames):
                counts[INTERPRETED] += 1
    return counts


def main():
    executable, paths = sys.argv[1], sys.argv[2:]
    runs = [profile(path, executable) for path in paths]
    median = lambda key: statistics.median(run[key] for run in runs) * SAMPLE_MS
    print(f"| Median of {len(runs)} warm restarts (perf, 10 kHz) | CPU ms |")
    print("|---|---|")
    for name in [name for name, _ in PHASES] + [OTHER]:
        print(f"| {name} | {median(name):.1f} |")
    print(f"| **total CPU of the service until its first response** | **{median('total'):.1f}** |")
    print(f"| of which in interpreted method handles (any phase) | {median(INTERPRETED):.1f} |")


if __name__ == "__main__":
    main()
