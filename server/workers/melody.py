"""/melody/continue and /melody/key: the melody sampler's wiring (see server.presets.melody).

Runs on the event loop thread like `server.app` (which owns one `MelodyService`). A long opening
arrives in several datagrams of the same request id; the handler only stores each chunk (a dict
update, at most MAX_PENDING openings held, oldest dropped) and, when every chunk is in, submits
the continuation to a worker of its own: latest wins per client, so a burst of requests from
one device samples only the newest. The reply is split into as many /melody datagrams as the
notes need (each under 8 KB).
"""

from __future__ import annotations

import logging
from collections import OrderedDict

from server.core.errors import ProtocolError
from server.core.melody import SCALES, MelodyContinue, MelodyKey, opening_notes
from server.presets.melody import Sampling
from server.workers.similar import split_groups
from server.workers.space import _problem
from server.workers.tasks import LatestWinsWorker

log = logging.getLogger("server.melody")

MAX_PENDING = 32  # partly received openings kept (per server)


def reply_chunks(request: int, notes: list) -> list:
    """Argument lists of the /melody datagrams for a continuation (request, chunk, chunks, notes…)."""
    groups = [(n.pitch, n.start, n.length, n.velocity) for n in notes]
    parts = split_groups("/melody", (request, 0, 0), groups) if groups else [[request, 0, 0]]
    return [[request, i, len(parts), *p[3:]] for i, p in enumerate(parts)]


class MelodyService:
    def __init__(self, app, loop):
        self.app = app
        self.worker = LatestWinsWorker(lambda done, *result: loop.call_soon_threadsafe(done, *result),
                                       name="latentpad-melody")
        self._pending: OrderedDict = OrderedDict()  # (sender, request) -> {chunk: notes}
        self._keys: dict = {}  # sender -> (tonic, scale)
        self.handlers = {MelodyContinue: self.continue_, MelodyKey: self.key}

    def start(self) -> None:
        self.worker.start()

    def close(self) -> None:
        self.worker.stop()

    def key(self, request: MelodyKey, sender: tuple) -> None:
        if request.scale not in SCALES:  # the table's pattern already refuses these
            raise ProtocolError("/melody/key", f"unknown scale {request.scale!r}")
        self._keys[sender] = (request.tonic, request.scale)
        self.app.replies.send(self.app.client(sender).reply_to, "/melody/key", request.tonic, request.scale)

    def continue_(self, request: MelodyContinue, sender: tuple) -> None:
        sampler = self.app.models.melody
        if sampler is None:
            raise ProtocolError("/melody/continue", f"preset {self.app.models.preset.name} has no "
                                                    "melody model (melody.decoder)")
        if request.chunk >= request.chunks:
            raise ProtocolError("/melody/continue", f"chunk {request.chunk} is not below chunks {request.chunks}")
        slot = (sender, request.request)
        parts = self._pending.pop(slot, {})
        parts[request.chunk] = request.notes
        if len(parts) < request.chunks:
            self._pending[slot] = parts
            while len(self._pending) > MAX_PENDING:
                self._pending.popitem(last=False)
            return
        opening = opening_notes(n for i in sorted(parts) for n in parts[i])
        tonic, scale = self._keys.get(sender, (-1, "major"))
        sampling = Sampling(bars=request.bars, temperature=request.temperature, top_p=request.top_p,
                            seed=request.seed, opening_beats=request.length, key=None if tonic < 0 else tonic, scale=scale)
        client = self.app.client(sender)

        def done(key, notes, error):
            if error is not None:
                return self.app.error(client, "/melody/continue", f"request {request.request}: {_problem(error)}")
            for args in reply_chunks(request.request, notes):
                self.app.replies.send(client.reply_to, "/melody", *args)

        self.worker.submit(("melody", sender), lambda: sampler.continue_melody(opening, sampling), done)
