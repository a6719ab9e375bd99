"""The sample library's wiring: /pad/similar and /library/rescan (see `server.workers.library`).

Runs on the event loop thread like `server.app` (which owns one `SimilarSearch`): handlers only
check and submit. Indexing runs on a worker of its own (latest wins: a rescan asked for while one
runs is done once, after it), at start and on /library/rescan and preset changes; the finished
`Index` (immutable) is swapped in on the loop. A /pad/similar query (one matrix product against
the pad's point) runs on the sound-space analysis worker with the index it was asked against.
"""

from __future__ import annotations

import logging

import numpy as np
from pythonosc.osc_message import OscMessage

from server.core.errors import ProtocolError
from server.core.protocol import LibraryRescan, PadSimilar, encode
from server.workers.library import build_index, nearest
from server.workers.space import _problem
from server.workers.tasks import LatestWinsWorker

log = logging.getLogger("server.similar")


def query_point(index, z: np.ndarray, k: int) -> list:
    """The k library hits nearest the pad's point. The library holds encoder means (mu) and a pad's
    point lives in the same latent space (an encoded pad's point *is* its sound's mu), so no model
    runs: an encoded file finds itself at distance 0, and a query is one matrix product."""
    return nearest(index, np.asarray(z, np.float32), k)


def split_groups(address: str, fixed: tuple, groups: list) -> list:
    """Argument lists for as many `address` datagrams as `groups` need: each holds the fixed
    arguments plus as many whole groups as fit under MAX_DATAGRAM (always at least one list)."""
    def fits(chunk: list) -> bool:
        flat = [v for g in chunk for v in g]
        return len(OscMessage(encode(address, *fixed, *flat)).params) == len(fixed) + len(flat)

    chunks, current = [], []
    for group in groups:
        if current and not fits(current + [group]):
            chunks.append(current)
            current = []
        current.append(group)
    chunks.append(current)
    return [[*fixed, *(v for g in chunk for v in g)] for chunk in chunks]


class SimilarSearch:
    def __init__(self, app, loop):
        self.app = app
        self.folders = tuple(app.settings.library_dirs)
        self.worker = LatestWinsWorker(lambda done, *result: loop.call_soon_threadsafe(done, *result),
                                       name="latentpad-library")
        self.index = None  # the newest finished Index
        self.handlers = {PadSimilar: self.similar, LibraryRescan: self.rescan}

    def start(self) -> None:
        self.worker.start()
        if self.folders and self.app.models.encoder is not None:
            self._index(None)

    def close(self) -> None:
        self.worker.stop()

    def _no_library(self, address: str) -> None:
        if not self.folders:
            raise ProtocolError(address, "no library: start the server with --library DIR")

    # --- /library/rescan --------------------------------------------------------------------
    def rescan(self, request: LibraryRescan, sender: tuple) -> None:
        self._no_library("/library/rescan")
        if self.app.models.encoder is None:
            raise ProtocolError("/library/rescan", f"preset {self.app.models.preset.name} has no "
                                                   "encoder (oneshot.encoder) to index with")
        self._index(self.app.client(sender))

    def preset_changed(self) -> None:
        if self.folders and self.app.models.encoder is not None:
            self._index(None)

    def _index(self, client) -> None:
        models = self.app.models

        def done(key, report, error):
            if error is not None:
                log.warning("library indexing failed: %s", error)
                if client is not None:
                    self.app.error(client, "/library/rescan", _problem(error))
                return
            if report.index.preset == self.app.models.preset.name:
                self.index = report.index
            log.info("library: %d hits in %d files (%d encoded, %d skipped) in %.1f s", len(report.index),
                     report.index.files, report.encoded, report.index.skipped, report.seconds)
            if client is not None:
                self.app.replies.send(client.reply_to, "/library", len(report.index), report.index.files,
                                      report.index.skipped)

        self.worker.submit("index", lambda: build_index(models, self.folders), done)

    # --- /pad/similar -----------------------------------------------------------------------
    def similar(self, request: PadSimilar, sender: tuple) -> None:
        self._no_library("/pad/similar")
        client, models, index = self.app.client(sender), self.app.models, self.index
        if models.encoder is None:
            raise ProtocolError("/pad/similar", f"preset {models.preset.name} has no encoder "
                                                "(oneshot.encoder); load a preset that has one")
        if index is None or index.preset != models.preset.name:
            raise ProtocolError("/pad/similar", "the library is still being indexed for preset "
                                                f"{models.preset.name}; try again after /library "
                                                "(send /library/rescan to be told)")
        z = self.app.engine.pad(request.pad).z

        def done(key, hits, error):
            if error is not None:
                return self.app.error(client, "/pad/similar", f"pad {request.pad}: {_problem(error)}")
            for args in split_groups("/similar", (request.pad,), hits):
                self.app.replies.send(client.reply_to, "/similar", *args)

        self.app.space.worker.submit(("similar", request.pad),
                                     lambda: query_point(index, z, request.k), done)
