#!/usr/bin/env python3
"""Where a running process's resident memory is, from /proc/PID/smaps: the executable's code, its data (for a
native executable, mostly the image heap), anonymous memory (the Java heap's chunks and malloc) and other files.

    python3 src/bench/rss_breakdown.py PID

Run it beside the floor application (src/bench/floor) in the same state to see which part of the difference is
the size of what is compiled in and what is allocated at run time.
"""
import collections
import re
import sys

pid = sys.argv[1]
executable = open(f"/proc/{pid}/cmdline").read().split("\0")[0].rsplit("/", 1)[-1]
mapping = re.compile(r"^[0-9a-f]+-[0-9a-f]+ (\S+) \S+ \S+ \S+\s*(.*)$")
resident = collections.Counter()
current = None
for line in open(f"/proc/{pid}/smaps"):
    match = mapping.match(line)
    if match:
        permissions, path = match.group(1), match.group(2).strip()
        if path.rsplit("/", 1)[-1] == executable:
            current = "executable: code" if "x" in permissions else "executable: data (image heap)"
        elif not path:
            current = "anonymous (Java heap chunks, malloc)"
        elif path.startswith("["):
            current = "anonymous (Java heap chunks, malloc)" if path == "[heap]" else "stacks and kernel pages"
        else:
            current = "other files (libc, ...)"
    elif line.startswith("Rss:"):
        resident[current] += int(line.split()[1])
for name, kib in resident.most_common():
    print(f"{kib / 1024:7.1f} MiB  {name}")
print(f"{sum(resident.values()) / 1024:7.1f} MiB  total")
