"""The diffusion prior's gestures: /pad/random [class], /pad/vary, /pad/transform, round robin
(/pad/humanize: every trigger of the pad is followed by a /pad/vary) and stereo width (/pad/width).

With a preset that has `oneshot.prior`, these points come from the prior's sampler
(`server.presets.prior`); without one, /pad/random and /pad/vary keep their plain Gaussian meaning (the
app's own path) and a class or /pad/transform gets an /error saying the preset has no prior.

Like `server.workers.space`: the handler checks the request on the loop thread, takes the noise from the
engine's seeded generator (same seed, same sound), and hands the walk to its own worker (latest
wins per pad, a dozen small denoiser runs); the point comes back to the loop, lands on the pad
(unless a newer gesture moved the pad meanwhile) and goes to the render worker.
"""

from __future__ import annotations

import asyncio
import logging

from server.core.errors import LatentpadError, ProtocolError
from server.core.protocol import NPADS, PadHumanize, PadRandom, PadTransform, PadVary, PadWidth
from server.workers.analysis import class_draw
from server.workers.tasks import LatestWinsWorker

log = logging.getLogger("server.diffusion")


class Diffusion:
    def __init__(self, app, loop: asyncio.AbstractEventLoop):
        self.app = app
        self.worker = LatestWinsWorker(lambda done, *result: loop.call_soon_threadsafe(done, *result),
                                       "latentpad-prior")
        self.handlers = {PadRandom: self.random, PadVary: self.vary, PadTransform: self.transform,
                         PadHumanize: self.humanize, PadWidth: self.width}
        self._humanize = [None] * NPADS  # pad -> (amount, sender) while round robin is on
        self.start, self.close = self.worker.start, self.worker.stop

    def _class_index(self, models, name: str, address: str) -> int:
        classes = models.preset.classes
        if name not in classes:
            raise ProtocolError(address, f"class_name {name!r} is not a class of preset "
                                         f"{models.preset.name} ({', '.join(classes)})")
        return classes.index(name)

    def _need_prior(self, models, address: str, why: str):
        if models.prior is None:
            raise ProtocolError(address, f"{why} needs a diffusion prior (oneshot.prior); preset "
                                         f"{models.preset.name} has none (docs/prior.md: latentpad train prior)")
        return models.prior

    def random(self, request: PadRandom, sender: tuple) -> None:
        models = self.app.models
        if models.prior is None and request.class_name is None:
            return self.app.apply_pad(request, sender)
        prior = self._need_prior(models, "/pad/random", "class_name")
        cls = None if request.class_name is None else self._class_index(models, request.class_name, "/pad/random")
        if cls is None:
            noise = self.app.engine.noise()
            task = lambda: prior.draw(noise, None, request.spread)  # noqa: E731
        else:  # checked by the class head when the preset says so (prior.class_check)
            checks = self.app.settings.draw_class_check or models.preset.diffusion.class_check
            if checks > 1 and models.encoder is None:
                checks = 1  # nothing to hear the draws with (the manifest's own check refuses this)
            noises = [self.app.engine.noise() for _ in range(checks)]
            task = lambda: class_draw(models, noises, cls, request.spread)  # noqa: E731
        self._submit(request.pad, "/pad/random", sender, models, task, keep_home=False)

    def vary(self, request: PadVary, sender: tuple) -> None:
        models = self.app.models
        if models.prior is None:
            return self.app.apply_pad(request, sender)
        home, noise = self.app.engine.pad(request.pad).centre, self.app.engine.noise()
        self._submit(request.pad, "/pad/vary", sender, models,
                     lambda: models.prior.vary(home, noise, request.amount), keep_home=True)

    def transform(self, request: PadTransform, sender: tuple) -> None:
        models = self.app.models
        prior = self._need_prior(models, "/pad/transform", "/pad/transform")
        cls = self._class_index(models, request.class_name, "/pad/transform")
        z, noise = self.app.engine.pad(request.pad).z, self.app.engine.noise()
        self._submit(request.pad, "/pad/transform", sender, models,
                     lambda: prior.transform(z, noise, cls, request.strength), keep_home=False)

    def humanize(self, request: PadHumanize, sender: tuple) -> None:
        self._humanize[request.pad] = (request.amount, sender) if request.amount > 0.0 else None
        self.app.replies.send(self.app.client(sender).reply_to, "/humanize", request.pad, request.amount)

    def width(self, request: PadWidth, sender: tuple) -> None:
        """Stereo: R becomes a close variation of L (computed by the render worker, see
        server.workers.render.right_point); replies /width, then the pad's re-render."""
        client = self.app.client(sender)
        job = self.app.engine.set_width(request.pad, request.width)
        self.app.replies.send(client.reply_to, "/width", request.pad, request.width)
        self.app.space.pad_gesture(request.pad)
        self.app.submit_render(job, client)

    def after_trigger(self, pad: int) -> None:
        """A pad was just played: with round robin on, its next hit gets a fresh variation."""
        if self._humanize[pad] is not None:
            amount, sender = self._humanize[pad]
            self.vary(PadVary(pad, amount), sender)

    def _submit(self, pad: int, address: str, sender: tuple, models, task, keep_home: bool) -> None:
        client, engine = self.app.client(sender), self.app.engine
        asked = engine.count_request(pad)  # the pad's newest request; an older walk's result is dropped

        def done(key, z, error):
            if error is None and self.app.models is not models:
                error = LatentpadError("the preset changed while sampling; send it again")
            if error is not None:
                if not isinstance(error, LatentpadError):
                    log.error("prior walk failed unexpectedly", exc_info=error)
                return self.app.error(client, address, f"pad {pad}: {error}")
            if self.app.engine.requests(pad) != asked:  # a newer gesture came while this one walked
                return
            self.app.space.pad_gesture(pad)
            home = self.app.engine.pad(pad).centre if keep_home else None
            self.app.submit_render(self.app.engine.set_point(pad, z, None, address, home, asked), client)

        self.worker.submit(pad, task, done)
