"""`latentpad train ...` and `latentpad export ...`: the torch side of the command line.

The server's CLI hands these two commands over here without importing anything else from this
package, so `latentpad serve` never loads torch. They need the `export` extra
(`pip install -e .[export]`).
"""
from __future__ import annotations

import argparse
import os
import shlex
import shutil
import sys
from pathlib import Path


def _need_torch() -> None:
    try:
        import torch  # noqa: F401
    except ImportError:
        raise SystemExit("training and export need torch: pip install -e '.[export]' "
                         "(torch==2.13.0 is the CPU build)") from None


def _new_folders(run: Path) -> Path | None:
    """The outermost of `run` and its parents that does not exist yet (None: `run` exists)."""
    if run.exists():
        return None
    top = run
    while not top.parent.exists():
        top = top.parent
    return top


def _remove_if_empty(top: Path | None) -> None:
    """A run folder this command created and a failure left without a single file goes again."""
    if top is not None and top.is_dir() and not any(p.is_file() for p in top.rglob("*")):
        shutil.rmtree(top, ignore_errors=True)


def _train(train, data: Path, run: Path, args: argparse.Namespace, *extra: str) -> Path:
    """Run a model's own training script (`train`: export.oneshot.train, .groove.train, .melody.train).
    A run that fails before it writes anything leaves no empty run folder behind."""
    created = _new_folders(run)
    try:
        return _run_train(train, data, run, args, *extra)
    except BaseException:
        _remove_if_empty(created)
        raise


def _run_train(train, data: Path, run: Path, args: argparse.Namespace, *extra: str) -> Path:
    return train.train(train.parser().parse_args([
        "--data", str(data), "--out", str(run), "--steps", str(args.steps), "--device", args.device,
        "--threads", str(args.threads), "--seed", str(args.seed),
        *(["--resume"] if args.resume else []), *(["--tiny"] if args.tiny else []), *extra]))


def _not_main() -> bool:
    """Under torchrun (--nproc), only rank 0 exports; the other processes end after training."""
    return int(os.environ.get("RANK", "0")) != 0


def _nproc(p: argparse.ArgumentParser) -> None:
    p.add_argument("--nproc", type=int, default=1,
                   help="data-parallel processes on this machine (torchrun); docs/training.md")


def _command(args: argparse.Namespace) -> str:
    """The command as typed, for the manifest's training record."""
    return "latentpad " + " ".join(shlex.quote(a) for a in args.argv)


def train_oneshot(args: argparse.Namespace) -> int:
    _need_torch()
    from export.oneshot import export_onnx, train

    data = Path(args.data)
    if not data.is_dir():
        raise SystemExit(f"{data}: not a folder of sounds")
    name = args.preset or data.resolve().name
    scratch = args.scratch or args.tiny  # a tiny model has no preset to start from
    if args.steps is None:
        args.steps = 3000 if scratch else 800
    extra = ["--lr", str(args.lr)] if args.lr else []
    if not scratch:
        start = Path(args.presets_dir) / args.start_from
        if not (start / "preset.json").is_file():
            raise SystemExit(f"--from {args.start_from}: no preset bundle {start} "
                             f"(train a new model with --scratch)")
        extra = ["--init", str(start), "--lr", str(args.lr or 3e-4)]
    extra += [] if args.augment else ["--no-augment"]
    ckpt = _train(train, data, Path(args.out or f"runs/{name}"), args, *extra)
    if _not_main():
        return 0
    out = Path(args.presets_dir) / name
    export_onnx.export_bundle(export_onnx.parser().parse_args([
        "--ckpt", str(ckpt), "--data", str(data), "--out", str(out), "--name", name,
        "--description", f"one-shots trained on {data.name}", "--command", _command(args)]))
    print(f"preset ready: {out} (serve it with: latentpad serve --preset {name})\n"
          f"for class draws, variations and a map settled into class regions, add a diffusion prior: "
          f"latentpad train prior {shlex.quote(str(data))} --preset {name} (about 5 min on 2 cores)")
    return 0


def train_groove(args: argparse.Namespace) -> int:
    _need_torch()
    from export.groove import export_onnx, train

    data = Path(args.data)
    if not data.is_dir():
        raise SystemExit(f"{data}: not a folder of MIDI clips")
    name = args.name or data.resolve().name
    run = Path(args.out or f"runs/groove-{name}")
    ckpt = _train(train, data, run, args, "--drum-map", args.drum_map, "--cross", str(args.cross))
    if _not_main():
        return 0
    bundle = Path(args.bundle or run / "groove")
    export_onnx.main(["--ckpt", str(ckpt), "--data", str(data), "--out", str(bundle),
                      *(["--into", args.into] if args.into else []), "--command", _command(args)])
    where = f"added to {args.into}" if args.into else (
        f"in {bundle}; add it to a preset with: latentpad export groove --merge {bundle} --into presets/NAME")
    print(f"groove model ready: {where}")
    return 0


def train_melody(args: argparse.Namespace) -> int:
    _need_torch()
    from export.melody import export_onnx, train

    data = Path(args.data)
    if not data.is_dir():
        raise SystemExit(f"{data}: not a folder of .mid files")
    name = args.name or data.resolve().name
    run = Path(args.out or f"runs/melody-{name}")
    start = Path(args.presets_dir) / args.start_from
    init = [] if args.scratch or args.tiny else ["--init", str(start), "--lr", str(args.lr or 3e-4)]
    ckpt = _train(train, data, run, args, "--ckpt-every", str(max(10, args.steps // 4)), *init)
    bundle = Path(args.bundle or run / "melody")
    export_onnx.main(["--ckpt", str(ckpt), "--data", str(data), "--out", str(bundle),
                      *(["--into", args.into] if args.into else []), "--command", _command(args)])
    where = f"added to {args.into}" if args.into else (
        f"in {bundle}; add it to a preset with: latentpad export melody --merge {bundle} --into presets/NAME")
    print(f"melody model ready: {where}")
    return 0


def export_melody(args: argparse.Namespace) -> int:
    _need_torch()
    from export.melody import export_onnx
    return export_onnx.main(args.rest)


def train_prior(args: argparse.Namespace) -> int:
    _need_torch()
    from export.prior import train

    data, bundle = Path(args.data), Path(args.presets_dir) / args.preset
    if not data.is_dir():
        raise SystemExit(f"{data}: not a folder of sounds")
    if not (bundle / "preset.json").is_file():
        raise SystemExit(f"{bundle}: no preset bundle there (train one with: latentpad train oneshot DIR)")
    return train.main(["--preset", str(bundle), "--data", str(data), "--steps", str(args.steps),
                       "--threads", str(args.threads), "--seed", str(args.seed),
                       *(["--tiny"] if args.tiny else []), *(["--no-settle"] if args.no_settle else []),
                       "--command", _command(args)])


def export_groove(args: argparse.Namespace) -> int:
    _need_torch()
    from export.groove import export_onnx
    return export_onnx.main(args.rest)


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
    one.add_argument("--steps", type=int, default=None, help="default 800 (fine-tune), 3000 with --scratch")
    one.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    one.add_argument("--threads", type=int, default=2)
    one.add_argument("--seed", type=int, default=0)
    one.add_argument("--resume", action="store_true")
    one.add_argument("--tiny", action="store_true", help="a tiny model, to check the path quickly")
    one.add_argument("--from", dest="start_from", default="default", metavar="PRESET",
                     help="the preset whose weights training starts from (default: default); fine-tuning "
                          "needs far fewer steps than a new model (learning rate 3e-4 unless --lr)")
    one.add_argument("--scratch", action="store_true",
                     help="train a new model from nothing instead (3000 steps, learning rate 1e-3)")
    one.add_argument("--lr", type=float, default=None, help="peak learning rate (default 3e-4, 1e-3 with --scratch)")
    one.add_argument("--augment", action=argparse.BooleanOptionalAction, default=True,
                     help="pitch and timbre copies, held in memory; --no-augment streams a large library "
                          "from its memory-mapped shards (docs/training.md)")
    _nproc(one)
    one.set_defaults(run=train_oneshot)
    gr = tr.add_parser("groove", help="train the groove VAE on a folder of MIDI drum clips, then export it")
    gr.add_argument("data", help="a folder of .mid clips (or a corpus folder from export.groove.corpus)")
    gr.add_argument("--name", help="name for the run (default: the folder's name)")
    gr.add_argument("--out", help="run folder for checkpoints (default runs/groove-<name>)")
    gr.add_argument("--bundle", help="where the groove ONNX files + groove.json go (default <run>/groove)")
    gr.add_argument("--into", help="also add the groove roles to this existing preset bundle")
    gr.add_argument("--steps", type=int, default=1500)
    gr.add_argument("--cross", type=float, default=0.5,
                    help="share of each batch rebuilt by part crossover (kick, snare, hats, toms, cymbals "
                         "each from another clip); the leave-one-source-out CV chose it in every fold "
                         "(docs/models.md); 0: off")
    gr.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    gr.add_argument("--threads", type=int, default=1, help="torch threads (1 is fastest for this small model)")
    gr.add_argument("--seed", type=int, default=0)
    gr.add_argument("--resume", action="store_true")
    gr.add_argument("--tiny", action="store_true", help="a tiny model, to check the path quickly")
    _nproc(gr)
    gr.add_argument("--drum-map", choices=("gm", "hydrogen", "live"), default="gm",
                    help="the clips' note layout: gm (General MIDI; also Live's Drum Rack, C1 = 36) or "
                         "hydrogen (Hydrogen's GM kits); tracks named like a drum (LMMS) are read by name. "
                         "The mapping used is printed")
    gr.set_defaults(run=train_groove)
    me = tr.add_parser("melody", help="fine-tune the melody model on a folder of .mid melodies, then export it")
    me.add_argument("data", help="a folder of .mid files (or a corpus folder from export.melody.corpus)")
    me.add_argument("--name", help="name for the run (default: the folder's name)")
    me.add_argument("--out", help="run folder for checkpoints (default runs/melody-<name>)")
    me.add_argument("--bundle", help="where melody_decoder.onnx + melody.json go (default <run>/melody)")
    me.add_argument("--into", help="also add the melody role to this existing preset bundle")
    me.add_argument("--presets-dir", default=str(Path(__file__).resolve().parent.parent / "presets"))
    me.add_argument("--from", dest="start_from", default="default", metavar="PRESET",
                    help="the preset whose melody.decoder training starts from (default: default)")
    me.add_argument("--scratch", action="store_true", help="train a new model instead of fine-tuning")
    me.add_argument("--lr", type=float, default=None, help="peak learning rate (default 3e-4 fine-tuning)")
    me.add_argument("--steps", type=int, default=400)
    me.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    me.add_argument("--threads", type=int, default=2)
    me.add_argument("--seed", type=int, default=0)
    me.add_argument("--resume", action="store_true")
    me.add_argument("--tiny", action="store_true", help="a tiny new model, to check the path quickly")
    me.set_defaults(run=train_melody)
    pr = tr.add_parser("prior", help="train a preset's latent diffusion prior on a folder of sounds and add it")
    pr.add_argument("data", help="a folder of one-shots (subfolders named by class are the classes), "
                                 "or a corpus folder from export.oneshot_data")
    pr.add_argument("--preset", default="default", help="the preset bundle to add prior.onnx to")
    pr.add_argument("--presets-dir", default=str(Path(__file__).resolve().parent.parent / "presets"))
    pr.add_argument("--steps", type=int, default=8000)
    pr.add_argument("--threads", type=int, default=2)
    pr.add_argument("--seed", type=int, default=0)
    pr.add_argument("--tiny", action="store_true", help="a tiny model, to check the path quickly")
    pr.add_argument("--no-settle", action="store_true",
                    help="keep the XY map as it is (default: settle it into class regions through the new prior)")
    _nproc(pr)
    pr.set_defaults(run=train_prior)
    ex = sub.add_parser("export", help="export a checkpoint to a preset bundle").add_subparsers(dest="what", required=True)
    eo = ex.add_parser("oneshot", help="arguments as `python -m export.oneshot.export_onnx --help`")
    eo.add_argument("rest", nargs=argparse.REMAINDER)
    eo.set_defaults(run=export_oneshot)
    eg = ex.add_parser("groove", help="arguments as `python -m export.groove.export_onnx --help`")
    eg.add_argument("rest", nargs=argparse.REMAINDER)
    eg.set_defaults(run=export_groove)
    em = ex.add_parser("melody", help="arguments as `python -m export.melody.export_onnx --help`")
    em.add_argument("rest", nargs=argparse.REMAINDER)
    em.set_defaults(run=export_melody)
    return ap


def main(argv: list[str] | None = None) -> int:
    # OpenMP threads that spin while waiting stall training ~10x when anything else wants a core
    # (seen here: 0.5 s/step -> 8 s/step beside one other busy process); set before torch loads.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    argv = list(sys.argv[1:] if argv is None else argv)
    ap = parser()
    args, unknown = ap.parse_known_args(argv)
    if unknown and not hasattr(args, "rest"):
        ap.error(f"unrecognized arguments: {' '.join(unknown)}")
    if unknown:  # `export X --flag ...`: argparse leaves a leading option out of REMAINDER
        args.rest = [*unknown, *args.rest]
    args.argv = argv
    if getattr(args, "nproc", 1) > 1:  # re-run this very command under torchrun
        _need_torch()
        from export import distributed

        launched = distributed.relaunch(args.nproc, "export.cli", argv)
        if launched is not None:
            return launched
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
