"""docs/osc.md, generated from the tables in `server.core.protocol` (never edited by hand)."""

from __future__ import annotations

import sys

from server.core.protocol import MAX_DATAGRAM, REPLIES, REQUESTS, Arg, fmt_number, signature


def _arg_doc(a: Arg) -> str:
    if a.group:
        return "(" + " ".join(_arg_doc(g) for g in a.group) + f")… (1 to {a.max_groups} groups)"
    parts = []
    if a.choices:
        parts.append("one of " + ", ".join(map(str, a.choices)))
    elif a.low is not None:
        parts.append(f"{fmt_number(a.low)}..{fmt_number(a.high)}")
    if a.count == "latent_size":
        parts.append("exactly latent_size values")
    if a.optional:
        parts.append("optional" if a.default is None else f"default {fmt_number(a.default)}")
    if a.pattern is not None:
        parts.append(f"`{a.pattern.pattern}`")
    return f"`{a.name}:{a.tag}`" + (f" ({', '.join(parts)})" if parts else "")


def markdown() -> str:
    """The OSC table as markdown; docs/osc.md is exactly this text."""
    lines = [
        "# OSC protocol",
        "",
        "Generated from `server/core/protocol.py` by `python -m server.tools.oscdoc --markdown > docs/osc.md`;",
        "do not edit by hand (a test compares this file with the table).",
        "",
        "Client -> server over UDP (default 127.0.0.1:9000). `/hello` registers the sending socket",
        "(host and port): replies to it go to its host at the port it gave (without `/hello`: the",
        "server's `--reply-port`, default 9001). Type tags: `i` int32, `f` float32 (an int or a",
        "64-bit `d` is accepted where a float is expected; NaN/inf never), `s` string. The server",
        "sends `f`, never",
        f"`d`, and every datagram is under {MAX_DATAGRAM} bytes. Bundles are unpacked at once",
        "(timetags ignored). Any bad message gets exactly one `/error address message` and changes",
        "nothing else.",
        "",
        "## Requests",
        "",
        "| address | args | reply | effect |",
        "|---|---|---|---|",
    ]
    for spec in REQUESTS.values():
        args = ", ".join(_arg_doc(a) for a in spec.args) or "—"
        lines.append(f"| `{spec.path}` | {args} | `{spec.reply}` | {spec.doc} |")
    lines += ["", "## Replies", "", "| address | args | meaning |", "|---|---|---|"]
    for reply in REPLIES.values():
        lines.append(f"| `{reply.path}` | `{signature(reply.args)}` | {reply.doc} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    if sys.argv[1:] != ["--markdown"]:
        sys.exit("usage: python -m server.tools.oscdoc --markdown > docs/osc.md")
    sys.stdout.write(markdown())


if __name__ == "__main__":
    main()
