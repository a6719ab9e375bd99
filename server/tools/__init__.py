"""tools: what a user runs besides `serve`.

Lives here: the benchmarks (`bench` and its `bench_*` sections), fuzzing (`fuzz`, `fuzz_run`),
`soak`, `doctor`, `devices`, `install` (the unattended piece), the offline gestures (`offline`:
classify, kit; `flags`: the -o and flag checks render, pattern and kit share), the library
commands (`library_cli`: index, similar, map; `xymap`) and the OSC doc generator (`oscdoc`).

May import: every room below and `server.app`. Only `server.cli` (the entry point) is above it.
"""
