"""Fuzzing over UDP: send `server.tools.fuzz` cases to a real server and check every reply.

`run_batch` sends cases, closes the batch with a `/ping` and requires that everything before the
`/pong` is exactly the `/error`s the cases expect, none an internal error. `snapshot` reads the
server's state through the protocol, so a run can prove nothing changed (`differences`).
`latentpad fuzz --datagrams 100000 --seed 0` does it all against a fresh server subprocess and
exits non-zero on any crash, missing or extra reply, or state change.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from server.core.patterns import NINST
from server.tools.fuzz import RandomDraw, case


@dataclass
class Report:
    datagrams: int = 0
    errors: int = 0
    seconds: float = 0.0
    kinds: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)  # (case, replies) that did not match

    def line(self) -> str:
        rate = self.datagrams / self.seconds if self.seconds else 0.0
        return (f"{self.datagrams} datagrams, {self.errors} /error replies, {len(self.problems)} mismatches, "
                f"{self.seconds:.1f} s ({rate:.0f}/s)")


def run_batch(client, cases: list, seq: int, report: Report, timeout: float = 10.0) -> None:
    """Send `cases`, then `/ping seq`; every reply up to the `/pong` must be exactly the /errors
    the cases expect, in order."""
    start = time.perf_counter()
    for c in cases:
        client.sock.sendto(c.datagram, client.server)
        report.kinds[c.kind] = report.kinds.get(c.kind, 0) + 1
    client.send("/ping", seq)
    got = []
    while True:
        reply = client.recv(timeout)
        if reply is None or reply == ("/pong", (seq,)):
            break
        got.append(reply)
    want = [("/error", address) for c in cases for address in c.errors]
    seen = [(address, args[0] if args else None) for address, args in got]
    report.datagrams += len(cases)
    report.errors += sum(address == "/error" for address, _ in got)
    report.seconds += time.perf_counter() - start
    if reply is None:
        report.problems.append(("no /pong: server gone or replies lost", cases, got))
    elif any(len(args) > 1 and str(args[1]).startswith("internal error") for _, args in got):
        report.problems.append(("a handler raised (internal error)", cases, got))
    elif seen != want:
        report.problems.append(("replies differ", cases, got))


def snapshot(client, pads: int = 16, scenes: int = 16, pattern: bool = True) -> dict:
    """The server's state, read through the protocol: each pad's render (the WAV bytes), the
    pattern at temperature 0, which scene slots are stored, /hello and the render counters."""
    state = {"hello": _ask(client, ("/hello", client.port), "/hello")}
    state["pads"] = [Path(_ask(client, ("/pad/render", p), "/sample")[1]).read_bytes() for p in range(pads)]
    state["scenes"] = [_ask(client, ("/scene/recall", s), None)[0] for s in range(scenes)]
    state["pattern_scenes"] = [_ask(client, ("/pattern/scene/recall", s), None)[0] for s in range(scenes)]
    if pattern:
        client.send("/pattern/temperature", 0.0)
        state["pattern"] = [_expect(client, None) for _ in range(2 * NINST)]  # rows, offsets
    state["stats"] = _ask(client, ("/stats",), "/stats")
    return state


def _ask(client, message: tuple, address: Optional[str]) -> tuple:
    client.send(*message)
    return _expect(client, address)


def _expect(client, address: Optional[str]) -> tuple:
    reply = client.recv(10.0)
    if reply is None or (address is not None and reply[0] != address):
        raise RuntimeError(f"expected {address or 'a reply'}, got {reply}")
    return reply if address is None else reply[1]



def differences(before: dict, after: dict, pads: int = 16) -> list:
    """What a fuzz run changed, as readable lines (empty: nothing). Between the two snapshots the
    only requests that count are the second snapshot's own `pads` renders."""
    changed = [f"{key} changed: {before[key]!r:.200} -> {after[key]!r:.200}"
               for key in ("hello", "scenes", "pattern_scenes", "pattern") if before.get(key) != after.get(key)]
    changed += [f"pad {p}'s render changed" for p in range(pads) if before["pads"][p] != after["pads"][p]]
    counters = tuple(b - a for a, b in zip(before["stats"], after["stats"]))
    if counters != (pads, pads, 0, 0):
        changed.append(f"render counters moved by {counters} (requests, renders, superseded, errors); "
                       f"the snapshot alone accounts for ({pads}, {pads}, 0, 0)")
    return changed


# --- `latentpad fuzz` -----------------------------------------------------------------------------
def fuzz_args(p, add_preset_args) -> None:
    add_preset_args(p)
    p.add_argument("--datagrams", type=int, default=100_000, help="bad datagrams to send")
    p.add_argument("--seed", type=int, default=0, help="same seed, same datagrams")
    p.add_argument("--batch", type=int, default=100, help="datagrams between /ping checkpoints")


def fuzz(args, models) -> int:
    """Fuzz a fresh server subprocess; 0 when every datagram got exactly its /error, the server
    lived, and its state read back unchanged."""
    import tempfile

    from server.tools.bench import _Client, _start_server

    args.presets_dir = args.presets_dir.resolve()
    draw, report = RandomDraw(args.seed), Report()
    with tempfile.TemporaryDirectory(prefix="latentpad-fuzz-") as render_dir:
        proc, port, _, _ = _start_server(args, render_dir)
        try:
            client = _Client(port)
            pattern = models.groove is not None
            before = snapshot(client, pattern=pattern)
            sent = 0
            while sent < args.datagrams:
                n = min(args.batch, args.datagrams - sent)
                run_batch(client, [case(draw, models.preset.latent_size) for _ in range(n)], sent, report)
                sent += n
                if sent % 10_000 < n:
                    print(f"  {report.line()}", flush=True)
            alive = proc.poll() is None
            changed = differences(before, snapshot(client, pattern=pattern)) if alive else ["server died"]
        finally:
            proc.terminate()
            proc.wait(10)
    print(f"latentpad fuzz (seed {args.seed}, preset {models.preset.name}): {report.line()}")
    print("  by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(report.kinds.items())))
    for problem, cases, got in report.problems[:5]:
        print(f"  MISMATCH {problem}: sent {[(c.kind, c.datagram[:60]) for c in cases][:3]}..., got {got[:3]}")
    for line in changed:
        print(f"  STATE {line}")
    ok = alive and not report.problems and not changed
    print("latentpad fuzz: " + ("ok: zero crashes, one /error per bad message, state unchanged" if ok else "FAILED"))
    return 0 if ok else 1
