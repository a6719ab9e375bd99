"""`latentpad bench` section: a sound drawn from the diffusion prior (all steps, then the decode).

In-process, the server's own objects: `PriorSampler.draw` for a class (a dozen denoiser runs with
guidance, conditioned and unconditioned rows batched) followed by the decoder; beside it, in the
same run, the decoder alone (the reference) and the walk alone; and a class draw checked by the
encoder's head as `/pad/random` plays it with the preset's `prior.class_check` (up to N candidates,
each rendered and heard), or with `serve --draw-class-check 4` when the preset has no check. Then
end to end through a server subprocess over UDP: `/pad/random pad class` -> `/sample`, one at a time (each reply awaited),
so the figure includes the worker hand-offs and the WAV write. Skipped, saying so, when the preset
has no `oneshot.prior`.
"""

from __future__ import annotations

import tempfile
import time

import numpy as np

RUNS = 300


def measure(args) -> dict:
    from server.presets.bundle import load_preset
    from server.presets.models import load_models
    from server.tools.bench import _round_trips, _served, _stats_ms

    models = load_models(load_preset(args.presets_dir, args.preset), args.device, args.threads)
    prior = models.prior
    if prior is None:
        return {"skipped": f"preset {args.preset} has no oneshot.prior (latentpad train prior)"}
    rng = np.random.default_rng(0)
    classes = models.preset.classes
    walk, full, decode = [], [], []
    for i in range(RUNS):
        noise = rng.standard_normal(models.preset.latent_size).astype(np.float32)
        start = time.perf_counter()
        z = prior.draw(noise, i % len(classes))
        walked = time.perf_counter()
        models.decoder.render(z[np.newaxis])
        done = time.perf_counter()
        walk.append(walked - start)
        full.append(done - start)
        start = time.perf_counter()
        models.decoder.render(z[np.newaxis])
        decode.append(time.perf_counter() - start)
    result = {"steps": prior.steps, "guidance": prior.guidance, "walk": _stats_ms(walk),
              "draw_and_decode": _stats_ms(full), "decoder": _stats_ms(decode)}
    # the preset's class check, or what `serve --draw-class-check 4` would cost when it has none
    checks = models.preset.diffusion.class_check if models.preset.diffusion.class_check > 1 else 4
    if models.encoder is not None:
        from server.workers.analysis import class_draw

        checked = []
        for i in range(RUNS):
            noises = list(rng.standard_normal((checks, models.preset.latent_size)).astype(np.float32))
            start = time.perf_counter()
            models.decoder.render(class_draw(models, noises, i % len(classes))[np.newaxis])
            checked.append(time.perf_counter() - start)
        result["class_check"] = checks
        result["class_check_source"] = ("prior.class_check" if models.preset.diffusion.class_check > 1
                                        else "--draw-class-check 4 (the preset has no check)")
        result["checked_draw_and_decode"] = _stats_ms(checked)
    result["draw_and_decode"]["p99_over_decoder_p99"] = result["draw_and_decode"]["p99_ms"] / result["decoder"]["p99_ms"]

    with tempfile.TemporaryDirectory(prefix="latentpad-bench-prior-") as render_dir:
        with _served(args, render_dir) as client:
            result["osc_random_class"] = _round_trips(
                client, 200, lambda i: client.send("/pad/random", i % 4, classes[i % len(classes)]), "/sample")
    return result


def lines(result: dict) -> list:
    from server.tools.bench import _line

    if "skipped" in result:
        return [f"{'prior draw':<28} skipped: {result['skipped']}"]
    r = result
    return [
        _line("prior walk alone", r["walk"], f"{r['steps']} Euler steps, guidance {r['guidance']:g}"),
        _line("prior draw + decode", r["draw_and_decode"],
              f"target p99 <= 15 ms; p99 = {r['draw_and_decode']['p99_over_decoder_p99']:.1f}x decoder p99"),
        *([_line("class draw, checked + decode", r["checked_draw_and_decode"],
                 f"up to {r['class_check']} candidates, each rendered and heard by the head "
                 f"({r['class_check_source']})")]
          if "checked_draw_and_decode" in r else []),
        _line("decoder alone (same run)", r["decoder"]),
        _line("/pad/random class -> /sample", r["osc_random_class"],
              f"one at a time over UDP, WAV written; lost {r['osc_random_class']['lost']}"),
    ]
