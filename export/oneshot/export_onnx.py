"""Export a trained one-shot VAE to a preset bundle: ONNX files, parity check, map, metrics, manifest.

    python -m export.oneshot.export_onnx --ckpt runs/oneshot/last.pt --data data/oneshot \
        --out presets/default --name default

Parity: onnxruntime and torch run the same inputs; the largest difference is recorded in the
manifest and the export fails when it exceeds `--tolerance`. The bundle is then loaded back with
the server's own validator, as the server would load it.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from os import replace as os_replace
from collections import Counter
from pathlib import Path

import numpy as np
import onnxruntime as ort
import torch

from export import common
from export.oneshot import metrics, xymap
from export.oneshot.model import OneshotVAE, count_params
from export.oneshot.train import config_from_ckpt, load_ckpt, load_corpus
from export.oneshot_data import CLASSES

GM_NOTES = {"kick": 36, "snare": 38, "clap": 39, "closed_hat": 42, "open_hat": 46, "tom": 45,
            "cymbal": 49, "percussion": 56}
MAP_ROWS = MAP_COLS = 12


_sha256 = common.sha256


def _session(path: Path) -> ort.InferenceSession:
    return common.cpu_session(path, threads=2)


def export_models(model: OneshotVAE, out: Path) -> None:
    cfg = model.cfg
    kw = dict(opset_version=17, dynamo=False, do_constant_folding=True)
    torch.onnx.export(model.decoder, (torch.zeros(1, cfg.latent_size),), str(out / "decoder.onnx"),
                      input_names=["z"], output_names=["audio"],
                      dynamic_axes={"z": {0: "batch"}, "audio": {0: "batch"}}, **kw)
    export_encoder(model, out / "encoder.onnx")


def export_encoder(model: OneshotVAE, path: Path) -> None:
    torch.onnx.export(model.encoder, (torch.zeros(1, model.cfg.length),), str(path),
                      input_names=["audio"], output_names=["mu", "logvar", "class_logits"],
                      dynamic_axes={n: {0: "batch"} for n in ("audio", "mu", "logvar", "class_logits")},
                      opset_version=17, dynamo=False, do_constant_folding=True)


def parity(model: OneshotVAE, out: Path, audio: np.ndarray, tolerance: float) -> dict:
    """Max |onnx - torch| for the decoder (random latents) and the encoder (real sounds)."""
    g = torch.Generator().manual_seed(0)
    z = (torch.randn(8, model.cfg.latent_size, generator=g) * 1.5).numpy()
    with torch.no_grad():
        dec_t = model.decoder(torch.from_numpy(z)).numpy()
        enc_t = [t.numpy() for t in model.encoder(torch.from_numpy(audio[:8]))]
    dec_o = _session(out / "decoder.onnx").run(None, {"z": z})[0]
    enc_o = _session(out / "encoder.onnx").run(None, {"audio": audio[:8]})
    result = {"decoder_audio_max_abs_diff": float(np.abs(dec_t - dec_o).max()),
              "encoder_mu_max_abs_diff": float(np.abs(enc_t[0] - enc_o[0]).max()),
              "encoder_logits_max_abs_diff": float(np.abs(enc_t[2] - enc_o[2]).max()),
              "tolerance": tolerance, "inputs": "8 random latents (N(0, 1.5^2)); 8 corpus sounds"}
    worst = max(v for k, v in result.items() if k.endswith("diff"))
    if worst > tolerance:
        raise SystemExit(f"parity check failed: onnxruntime differs from torch by {worst:.2e} "
                         f"(> tolerance {tolerance:.1e}); the export is not trustworthy")
    return result


def encode_all(enc: ort.InferenceSession, audio: np.ndarray, batch: int = 32) -> tuple[np.ndarray, np.ndarray]:
    mus, logits = [], []
    for i in range(0, len(audio), batch):
        mu, _, lg = enc.run(None, {"audio": audio[i:i + batch]})
        mus.append(mu)
        logits.append(lg)
    return np.concatenate(mus), np.concatenate(logits)


def decode_all(dec: ort.InferenceSession, z: np.ndarray, batch: int = 32) -> np.ndarray:
    return np.concatenate([dec.run(None, {"z": z[i:i + batch].astype(np.float32)})[0]
                           for i in range(0, len(z), batch)])


def heldout_metrics(enc, dec, audio: np.ndarray, labels: np.ndarray, sr: int) -> dict:
    mu, logits = encode_all(enc, audio)
    recon = decode_all(dec, mu)
    labelled = labels >= 0
    return {
        "sounds": int(len(audio)),
        "mrstft_distance": round(float(metrics.mrstft_distance(recon, audio).mean()), 4),
        "log_mel_distance_db": round(float(metrics.log_mel_distance_db(recon, audio, sr).mean()), 3),
        "class_head_accuracy": round(float((logits[labelled].argmax(1) == labels[labelled]).mean()), 4),
        "labelled": int(labelled.sum()),
    }


def map_consistency(enc, dec, nodes: np.ndarray, majority: np.ndarray) -> dict:
    """Render every grid node, label the render with the class head, compare with the node's
    majority training class. The model's own head: a first check, not an independent judge."""
    has = majority >= 0
    _, logits = encode_all(enc, decode_all(dec, nodes[has]))
    agree = logits.argmax(1) == majority[has]
    per_class = {CLASSES[k]: round(float(agree[majority[has] == k].mean()), 3)
                 for k in range(len(CLASSES)) if (majority[has] == k).any()}
    return {"nodes": int(has.sum()), "agreement": round(float(agree.mean()), 4), "per_class": per_class}


def data_sources(index: dict) -> list[dict]:
    """One row per (source, kit, licence, use): `train`, `test` (kits held out) or `unseen` (whole
    sources held out: evaluation only, never trained or tuned on)."""
    counts = Counter((e["source"], e["kit"], e["licence"], split)
                     for split in ("train", "test", "unseen") for e in index.get(split, []))
    return [{"source": s, "kit": k, "licence": lic, "items": n, "use": use}
            for (s, k, lic, use), n in sorted(counts.items())]


AUGMENTATION = ("generated copies, not new sounds: every training sound once more through one random "
                "transform (EQ tilt +-3 dB/octave; a faster decay, 80-400 ms, not for hats and cymbals; "
                "a short room, RT60 100-350 ms, 10-25% wet, not for closed hats), then each of those at "
                "+-1 semitone by resampling (6 copies in all); classes drawn with weight count**-0.5; "
                "random polarity (export/oneshot/train.py)")


def start_pads(regions: dict[str, list[float]], nodes, majority) -> list[dict]:
    pads = []
    names = [c for c in CLASSES if c in regions]
    for i in range(16):
        name = names[i % len(names)]
        x, y = regions[name]
        if i >= len(names):  # second round: a neighbouring node of the same class where there is one
            r, c = round(y * (MAP_ROWS - 1)), round(x * (MAP_COLS - 1))
            k = CLASSES.index(name)
            cands = [(abs(rr - r) + abs(cc - c), rr, cc) for rr in range(MAP_ROWS) for cc in range(MAP_COLS)
                     if majority[rr * MAP_COLS + cc] == k and (rr, cc) != (r, c)]
            if cands:
                _, rr, cc = min(cands)
                x, y = cc / (MAP_COLS - 1), rr / (MAP_ROWS - 1)
        pads.append({"pad": i, "xy": [round(float(x), 4), round(float(y), 4)]})
    return pads


WIDE_AUGMENTATION = ("on the fly, in addition: with probability P per drawn sound, two or three of a pitch "
                     "change of +-4 semitones, an EQ tilt of +-6 dB/octave, a bell EQ of +-9 dB "
                     "(150 Hz-8 kHz), a faster decay (not hats or cymbals), a short room (RT60 100-500 ms, "
                     "10-35% wet; not closed hats) and a tanh drive up to 4x (export/oneshot/train.py "
                     "wide_augment)")


def graft_encoder(model: OneshotVAE, ck: dict, args: argparse.Namespace) -> Path:
    """`--encoder-only`: put a `--freeze-decoder` checkpoint's encoder into an existing bundle.
    The bundle's decoder must render what the checkpoint's does (else the encoder was trained
    against another decoder and the graft is refused); its map, pads, prior and every other role
    stay as they are. The held-out and training metrics are measured again with the new encoder,
    the previous ones are kept beside them, and the encoder's own training is recorded."""
    out = Path(args.out)
    manifest_path = out / "preset.json"
    if not manifest_path.exists():
        raise SystemExit(f"--encoder-only: {out} is not a preset bundle (no preset.json)")
    manifest = json.loads(manifest_path.read_text())
    cfg = model.cfg
    g = torch.Generator().manual_seed(1)
    z = (torch.randn(8, cfg.latent_size, generator=g) * 1.5).numpy()
    with torch.no_grad():
        want = model.decoder(torch.from_numpy(z)).numpy()
    dec = _session(out / manifest["models"]["oneshot.decoder"]["file"])
    worst = float(np.abs(dec.run(None, {"z": z})[0] - want).max())
    if worst > args.tolerance:
        raise SystemExit(f"--encoder-only: {out.name}'s decoder differs from the checkpoint's by {worst:.2e}; "
                         f"train with --freeze-decoder --init {out} first")
    data = Path(args.data)
    train_audio, train_labels = load_corpus(data, cfg, "train")
    test_audio, test_labels = load_corpus(data, cfg, "test") if (data / "test.npy").exists() else (train_audio, train_labels)
    tmp = out / "encoder.onnx.tmp"
    export_encoder(model, tmp)
    with torch.no_grad():
        enc_t = [t.numpy() for t in model.encoder(torch.from_numpy(train_audio[:8]))]
    enc = _session(tmp)
    enc_o = enc.run(None, {"audio": train_audio[:8]})
    par = dict(manifest["training"].get("parity", {}),
               decoder_matches_bundle_max_abs_diff=worst,
               encoder_mu_max_abs_diff=float(np.abs(enc_t[0] - enc_o[0]).max()),
               encoder_logits_max_abs_diff=float(np.abs(enc_t[2] - enc_o[2]).max()))
    if max(par["encoder_mu_max_abs_diff"], par["encoder_logits_max_abs_diff"]) > args.tolerance:
        tmp.unlink()
        raise SystemExit("parity check failed: onnxruntime's encoder differs from torch's")
    training = manifest["training"]
    measured = training.setdefault("metrics", {})
    for key in ("heldout", "train"):
        if key in measured:
            measured[f"{key}_previous_encoder"] = measured[key]
    measured["heldout"] = heldout_metrics(enc, dec, test_audio, test_labels, cfg.sample_rate_hz)
    measured["train"] = dict(heldout_metrics(enc, dec, train_audio[:200], train_labels[:200], cfg.sample_rate_hz),
                             note="first 200 training sounds, for comparison with held-out")
    extra = json.loads(ck.get("extra", "{}"))
    run_args = extra.get("args", {})
    training["encoder_fine_tune"] = {
        "command": args.command or "see README",
        "steps": int(ck["step"]), "train_seconds": round(float(extra.get("seconds", 0.0)), 1),
        "train_args": run_args,
        "augmentation": WIDE_AUGMENTATION.replace("P", str(run_args.get("wide_augment", "P")), 1),
        "note": "the encoder alone, the decoder frozen: renders, draws, the prior and the XY map are unchanged"}
    training["parity"] = par
    os_replace(tmp, out / manifest["models"]["oneshot.encoder"]["file"])
    manifest["models"]["oneshot.encoder"]["sha256"] = _sha256(out / manifest["models"]["oneshot.encoder"]["file"])
    new = out / "preset.json.tmp"
    new.write_text(json.dumps(manifest, indent=1) + "\n")
    os_replace(new, manifest_path)
    from server.presets.bundle import validate_bundle
    validate_bundle(out)
    print(json.dumps({"bundle": str(out), "parity": par, "heldout": measured["heldout"],
                      "heldout_previous_encoder": measured.get("heldout_previous_encoder")}, indent=1))
    return out


def export_bundle(args: argparse.Namespace) -> Path:
    ck = load_ckpt(Path(args.ckpt))
    cfg = config_from_ckpt(ck)
    model = OneshotVAE(cfg).eval()
    model.load_state_dict(ck["model"])
    if args.encoder_only:
        return graft_encoder(model, ck, args)
    extra = json.loads(ck.get("extra", "{}"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    data = Path(args.data)
    train_audio, train_labels = load_corpus(data, cfg, "train")
    has_test = (data / "test.npy").exists()
    test_audio, test_labels = load_corpus(data, cfg, "test") if has_test else (train_audio, train_labels)

    export_models(model, out)
    par = parity(model, out, train_audio, args.tolerance)
    enc, dec = _session(out / "encoder.onnx"), _session(out / "decoder.onnx")

    mu, _ = encode_all(enc, train_audio)
    nodes = xymap.fit_som(mu, MAP_ROWS, MAP_COLS)
    majority = xymap.node_majority(nodes, mu, train_labels, len(CLASSES))
    regions = xymap.class_regions(nodes, MAP_ROWS, MAP_COLS, mu, train_labels, list(CLASSES))
    t0 = time.time()
    measured = {"heldout": heldout_metrics(enc, dec, test_audio, test_labels, cfg.sample_rate_hz),
                "heldout_reference_nearest_training_sound": {
                    "log_mel_distance_db": round(float(metrics.nearest_neighbour_distance_db(
                        test_audio, train_audio, cfg.sample_rate_hz).mean()), 3),
                    "note": "each held-out sound against its closest training sound (retrieval, no model)"},
                "train": heldout_metrics(enc, dec, train_audio[:200], train_labels[:200], cfg.sample_rate_hz),
                "xy_map_class_consistency": map_consistency(enc, dec, nodes, majority)}
    measured["train"]["note"] = "first 200 training sounds, for comparison with held-out"
    index = json.loads((data / "index.json").read_text()) if (data / "index.json").exists() else None
    manifest = {
        "schema": 1,
        "name": args.name,
        "description": args.description,
        "sample_rate_hz": cfg.sample_rate_hz,
        "length_samples": cfg.length,
        "latent_size": cfg.latent_size,
        "classes": list(CLASSES),
        "drum_map": GM_NOTES,
        "models": {
            "oneshot.decoder": {
                "file": "decoder.onnx", "sha256": _sha256(out / "decoder.onnx"),
                "inputs": [{"name": "z", "shape": ["batch", cfg.latent_size], "dtype": "float32"}],
                "outputs": [{"name": "audio", "shape": ["batch", cfg.length], "dtype": "float32"}]},
            "oneshot.encoder": {
                "file": "encoder.onnx", "sha256": _sha256(out / "encoder.onnx"),
                "inputs": [{"name": "audio", "shape": ["batch", cfg.length], "dtype": "float32"}],
                "outputs": [{"name": "mu", "shape": ["batch", cfg.latent_size], "dtype": "float32"},
                            {"name": "logvar", "shape": ["batch", cfg.latent_size], "dtype": "float32"},
                            {"name": "class_logits", "shape": ["batch", len(CLASSES)], "dtype": "float32"}]},
        },
        "xy_map": {"kind": "grid", "rows": MAP_ROWS, "cols": MAP_COLS,
                   "points": [[round(float(v), 5) for v in n] for n in nodes],
                   "class_regions": regions},
        "latent_prior": {"mean": [round(float(v), 5) for v in mu.mean(0)],
                         "std": [round(float(v), 5) for v in mu.std(0)]},
        "pads": start_pads(regions, nodes, majority),
        "training": {
            "command": args.command or extra.get("command") or "see README",
            "model": cfg.as_dict(),
            "parameters": {"oneshot.decoder": count_params(model.decoder),
                           "oneshot.encoder": count_params(model.encoder)},
            "steps": int(ck["step"]),
            "train_seconds": round(float(extra.get("seconds", 0.0)), 1),
            "train_args": extra.get("args", {}),
            "data": data_sources(index) if index else [{"source": f"the user's folder {data.name}", "licence": "the user's own", "items": int(len(train_audio))}],
            "held_out_kits": index.get("held_out_kits", []) if index else [],
            "held_out_sources": index.get("held_out_sources", []) if index else [],
            "augmentation": AUGMENTATION if extra.get("args", {}).get("timbre") else
                            "pitch copies at +-1 semitone by resampling; random polarity",
            "hygiene": index.get("hygiene") if index else None,
            "metrics": measured,
            "parity": par,
        },
    }
    (out / "preset.json").write_text(json.dumps(manifest, indent=1) + "\n")
    from server.presets.bundle import validate_bundle  # the server's own check, as it will load it
    validate_bundle(out)
    print(json.dumps({"bundle": str(out), "parity": par, "metrics": measured,
                      "metrics_seconds": round(time.time() - t0, 1)}, indent=1))
    return out


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description="export a one-shot checkpoint to a preset bundle")
    ap.add_argument("--ckpt", required=True)
    ap.add_argument("--data", required=True, help="the corpus it was trained on (for the map and metrics)")
    ap.add_argument("--out", required=True, help="the bundle folder, e.g. presets/default")
    ap.add_argument("--name", default=None)
    ap.add_argument("--description", default="drum one-shots trained on Debian's Hydrogen and LMMS kits")
    ap.add_argument("--command", default=None, help="the training command to record in the manifest")
    ap.add_argument("--tolerance", type=float, default=1e-3)
    ap.add_argument("--encoder-only", action="store_true",
                    help="--out is an existing bundle: replace its encoder with this checkpoint's (trained "
                         "with --freeze-decoder from it), keep everything else")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.name = args.name or Path(args.out).name
    export_bundle(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
