#!/usr/bin/env python3
"""One start-up measurement of the service, driven by src/bench/benchmark.sh.

Starts the command given after "--", records the time from just before the process is spawned to the first
200 response of the shortfall observations (and the CPU time the process used until then), reads the process's resident set size (VmRSS) then and again after
REQUESTS further sequential requests on one keep-alive connection, stops the process and prints one JSON line.
"""
import http.client
import json
import os
import signal
import subprocess
import sys
import time

# What is read; MEASURE_PATH for another application (the floor, src/bench/floor).
PATH = os.environ.get("MEASURE_PATH", "/v1/indicators/ai-workforce-shortfall/observations?geo=KR")


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS for pid %d" % pid)


TICKS_PER_S = os.sysconf("SC_CLK_TCK")


def cpu_ms(pid):
    """CPU time of the whole process, user and system, threads that have already ended included (utime + stime of
    /proc/<pid>/stat, in clock ticks): start-up work done on short-lived threads counts too. Independent of other
    load, at the clock tick's resolution (10 ms)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    # After the command name: state is field 3 of the whole line, utime and stime are 14 and 15.
    return (int(fields[11]) + int(fields[12])) * 1000 / TICKS_PER_S


def get(connection):
    connection.request("GET", PATH)
    response = connection.getresponse()
    body = response.read()
    return response.status, body


def main():
    port = int(sys.argv[1])
    requests = int(sys.argv[2])
    log_path = sys.argv[3]
    command = sys.argv[sys.argv.index("--") + 1:]
    deadline_s = 60

    with open(log_path, "wb") as log:
        started = time.monotonic_ns()
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        first_ms = None
        try:
            while first_ms is None:
                if process.poll() is not None:
                    raise RuntimeError(f"process exited with {process.returncode}; see {log_path}")
                if time.monotonic_ns() - started > deadline_s * 1e9:
                    raise RuntimeError(f"no successful response within {deadline_s} s; see {log_path}")
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                try:
                    status, body = get(connection)
                    if status == 200 and b'"observations"' in body:
                        first_ms = (time.monotonic_ns() - started) / 1e6
                except OSError:
                    time.sleep(0.001)  # not listening yet
                finally:
                    connection.close()
            cpu_first = cpu_ms(process.pid)
            rss_start = rss_kib(process.pid)

            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            load_started = time.monotonic_ns()
            for _ in range(requests):
                status, _ = get(connection)
                if status != 200:
                    raise RuntimeError(f"request failed with {status}")
            load_s = (time.monotonic_ns() - load_started) / 1e9
            connection.close()
            rss_after = rss_kib(process.pid)
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    print(json.dumps({"first_response_ms": round(first_ms, 1), "cpu_to_first_response_ms": round(cpu_first, 1),
                      "rss_start_mib": round(rss_start / 1024, 1),
                      "rss_after_mib": round(rss_after / 1024, 1), "requests": requests,
                      "requests_per_s": round(requests / load_s) if requests else None}))


if __name__ == "__main__":
    main()
