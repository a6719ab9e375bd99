"""`latentpad train ...` and `latentpad export ...`: the torch side of the command line.

The server's CLI hands these two commands over here without importing anything else from this
package, so `latentpad serve` never loads torch. They need the `export` extra
(`pip install -e .[export]`).
"""
from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path


def _need_torch() -> None:
    try:
        import torch  # noqa: F401
    except ImportError:
        raise SystemExit("training and export need torch: pip install -e '.[export]' "
                         "(torch==2.13.0 is the CPU build)") from None


def train_oneshot(args: argparse.Namespace) -> int:
    _need_torch()
    from export.oneshot import export_onnx, train

    data = Path(args.data)
    if not data.is_dir():
        raise SystemExit(f"{data}: not a folder of sounds")
    name = args.preset or data.resolve().name
    run = Path(args.out or f"runs/{name}")
    targs = train.parser().parse_args([
        "--data", str(data), "--out", str(run), "--steps", str(args.steps), "--device", args.device,
        "--threads", str(args.threads), "--seed", str(args.seed), *(["--resume"] if args.resume else []),
        *(["--tiny"] if args.tiny else [])])
    ckpt = train.train(targs)
    out = Path(args.presets_dir) / name
    export_onnx.export_bundle(export_onnx.parser().parse_args([
        "--ckpt", str(ckpt), "--data", str(data), "--out", str(out), "--name", name,
        "--description", f"one-shots trained on {data.name}",
        "--command", "latentpad " + " ".join(shlex.quote(a) for a in args.argv)]))
    print(f"preset ready: {out} (serve it with: latentpad serve --preset {name})")
    return 0


def export_oneshot(args: argparse.Namespace) -> int:
    _need_torch()
    from export.oneshot import export_onnx
    return export_onnx.main(args.rest)


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="latentpad")
    sub = ap.add_subparsers(dest="command", required=True)
    tr = sub.add_parser("train", help="train a model on your own sounds").add_subparsers(dest="what", required=True)
    one = tr.add_parser("oneshot", help="train the one-shot VAE on a folder of sounds, then export a preset")
    one.add_argument("data", help="a folder of one-shots (subfolders named by class are used as labels)")
    one.add_argument("--preset", help="name of the preset bundle to write (default: the folder's name)")
    one.add_argument("--presets-dir", default=str(Path(__file__).resolve().parent.parent / "presets"))
    one.add_argument("--out", help="run folder for checkpoints (default runs/<preset>)")
    one.add_argument("--steps", type=int, default=3000)
    one.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    one.add_argument("--threads", type=int, default=2)
    one.add_argument("--seed", type=int, default=0)
    one.add_argument("--resume", action="store_true")
    one.add_argument("--tiny", action="store_true", help="a tiny model, to check the path quickly")
    one.set_defaults(run=train_oneshot)
    ex = sub.add_parser("export", help="export a checkpoint to a preset bundle").add_subparsers(dest="what", required=True)
    eo = ex.add_parser("oneshot", help="arguments as `python -m export.oneshot.export_onnx --help`")
    eo.add_argument("rest", nargs=argparse.REMAINDER)
    eo.set_defaults(run=export_oneshot)
    return ap


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser().parse_args(argv)
    args.argv = argv
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
