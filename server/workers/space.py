"""The sound-space gestures' wiring: /pad/encode, /pad/classify, /pad/save and /scene/*.

Runs on the event loop thread like `server.app` (which owns one `SoundSpace`): handlers only
check, update the engine and submit. Reading, encoding, classifying and copying files run on the
analysis worker (`server.workers.tasks`, latest wins per pad and kind); results come back to the loop.
A scene recall with morph_ms > 0 is a timer task on the loop that moves every gliding pad each
`GLIDE_STEP_S` and submits a (latest-wins) render; a gesture on a pad or a new recall stops it.
`/scene slot` is the last reply of a recall: it is sent once every pad's arrival render (or a newer
one of that pad) has been answered, so a client that sees it already has the scene's `/sample`s.
"""

from __future__ import annotations

import asyncio
import logging

import numpy as np

from server.core.errors import LatentpadError, ProtocolError
from server.core.protocol import NPADS, PadClassify, PadEncode, PadSave, SceneRecall, SceneStore
from server.workers.analysis import classify_point, encode_file_level, save_copy, save_name
from server.workers.tasks import LatestWinsWorker

log = logging.getLogger("server.space")

GLIDE_STEP_S = 0.02
MAX_SCENE_WAITS = 64  # recalls whose /scene still waits for renders (a bound, never reached in play)


def _problem(error: Exception) -> str:
    if isinstance(error, LatentpadError):
        return str(error)
    log.error("analysis task failed unexpectedly", exc_info=error)
    return f"internal error: {type(error).__name__}: {error}"


class SoundSpace:
    def __init__(self, app, loop: asyncio.AbstractEventLoop):
        self.app = app
        self._loop = loop
        self.worker = LatestWinsWorker(lambda done, *result: loop.call_soon_threadsafe(done, *result))
        self._last_render: dict = {}  # pad -> (path, z) of its newest /sample
        self._glide = None  # the running recall glide task
        self._gliding: set = set()  # pads still gliding
        self._saves = 0
        self._scene_waits: list = []  # [slot, client, {pad: seq of its arrival render}] per recall
        self.handlers = {PadEncode: self.encode, PadClassify: self.classify, PadSave: self.save,
                         SceneStore: self.store, SceneRecall: self.recall}

    def start(self) -> None:
        self.worker.start()

    def close(self) -> None:
        self.stop_glide()
        self.worker.stop()

    def _encoder_models(self, address: str):
        models = self.app.models
        if models.encoder is None:
            raise ProtocolError(address, f"preset {models.preset.name} has no encoder "
                                         "(oneshot.encoder); load a preset that has one")
        return models

    # --- /pad/encode ------------------------------------------------------------------------
    def encode(self, request: PadEncode, sender: tuple) -> None:
        client, models, dirs = self.app.client(sender), self._encoder_models("/pad/encode"), \
            self.app.settings.sample_dirs

        def done(key, result, error):
            if error is None and self.app.models is not models:
                error = LatentpadError("the preset changed while encoding; send it again")
            if error is not None:
                return self.app.error(client, "/pad/encode", f"pad {request.pad}: {_problem(error)}")
            self.pad_gesture(request.pad)
            mu, gain = result
            self.app.submit_render(self.app.engine.set_point(request.pad, mu, None, "/pad/encode", gain=gain), client)

        steps = self.app.settings.encode_refine_steps
        self.worker.submit(("encode", request.pad),
                           lambda: encode_file_level(models, request.path, dirs, steps), done)

    # --- /pad/classify ----------------------------------------------------------------------
    def classify(self, request: PadClassify, sender: tuple) -> None:
        client, models = self.app.client(sender), self._encoder_models("/pad/classify")
        z = self.app.engine.pad(request.pad).z

        def done(key, probs, error):
            if error is not None:
                return self.app.error(client, "/pad/classify", f"pad {request.pad}: {_problem(error)}")
            flat = [v for name_prob in probs for v in name_prob]
            self.app.replies.send(client.reply_to, "/class", request.pad, *flat)

        self.worker.submit(("classify", request.pad), lambda: classify_point(models, z), done)

    # --- /pad/save --------------------------------------------------------------------------
    def rendered(self, pad: int, path, z) -> None:
        self._last_render[pad] = (path, z)

    def save(self, request: PadSave, sender: tuple) -> None:
        client, models, pad = self.app.client(sender), self.app.models, request.pad
        if pad not in self._last_render:
            raise ProtocolError("/pad/save", f"pad {pad} has no render yet: move or render it first")
        path, z = self._last_render[pad]
        state = self.app.engine.pad(pad)
        xy = state.xy if np.array_equal(state.z, z) else None
        save_dir = self.app.settings.save_dir

        def task():
            label = f"pad{pad + 1:02d}"
            if request.name is None and models.encoder is not None and z.size == models.preset.latent_size:
                label = classify_point(models, z)[0][0]
            return save_copy(path, save_dir, save_name(request.name, label, xy, z))

        def done(key, saved, error):
            if error is not None:
                return self.app.error(client, "/pad/save", f"pad {pad}: {_problem(error)}")
            self.app.replies.send(client.reply_to, "/saved", pad, str(saved))

        self._saves += 1  # every save runs: two names in a row are two files, not latest wins
        self.worker.submit(("save", self._saves), task, done)

    # --- /scene/* ---------------------------------------------------------------------------
    def store(self, request: SceneStore, sender: tuple) -> None:
        self.app.engine.store_scene(request.slot)
        self.app.replies.send(self.app.client(sender).reply_to, "/scene", request.slot)

    def recall(self, request: SceneRecall, sender: tuple) -> None:
        client, engine = self.app.client(sender), self.app.engine
        targets = engine.scene(request.slot)  # ProtocolError for an empty slot
        self.stop_glide()
        if request.morph_ms <= 0.0:
            arrivals = {pad: self._arrive(pad, target, client) for pad, target in enumerate(targets)}
            self._wait_scene(request.slot, client, arrivals)
            return
        starts = [engine.pad(pad).z for pad in range(NPADS)]
        self._gliding = set(range(NPADS))
        self._glide = self._loop.create_task(
            self._run_glide(request.slot, targets, starts, request.morph_ms / 1000.0, client))

    def _arrive(self, pad: int, target, client) -> int:
        """Put `pad` on its scene point and render it; the render's seq."""
        job = self.app.engine.set_point(pad, target.z, target.xy, "/scene/recall", target.centre)
        self.app.submit_render(job, client)
        return job.seq

    def _wait_scene(self, slot: int, client, arrivals: dict) -> None:
        self._scene_waits.append([slot, client, arrivals])
        del self._scene_waits[:-MAX_SCENE_WAITS]
        self.render_done(None, 0)  # no pad to wait for: /scene at once

    def render_done(self, pad, seq: int) -> None:
        """The app answered `pad`'s render `seq` (a /sample or an /error): send each /scene whose
        arrival renders are now all answered."""
        still = []
        for wait in self._scene_waits:
            slot, client, arrivals = wait
            if pad in arrivals and seq >= arrivals[pad]:
                del arrivals[pad]
            if arrivals:
                still.append(wait)
            else:
                self.app.replies.send(client.reply_to, "/scene", slot)
        self._scene_waits = still

    async def _run_glide(self, slot: int, targets, starts, seconds: float, client) -> None:
        began = self._loop.time()
        t = 0.0
        arrivals = {}
        while t < 1.0:
            await asyncio.sleep(GLIDE_STEP_S)
            t = min(1.0, (self._loop.time() - began) / seconds)
            for pad in sorted(self._gliding):
                if t >= 1.0:
                    arrivals[pad] = self._arrive(pad, targets[pad], client)
                    continue
                z = (1.0 - t) * starts[pad] + t * targets[pad].z
                self.app.submit_render(self.app.engine.set_point(pad, z, None, "/scene/recall"), client)
        self._gliding = set()
        self._glide = None
        self._wait_scene(slot, client, arrivals)

    def pad_gesture(self, pad: int) -> None:
        """A gesture on `pad` takes it out of a running glide."""
        self._gliding.discard(pad)

    def stop_glide(self) -> None:
        if self._glide is not None:
            self._glide.cancel()
        self._glide, self._gliding = None, set()
