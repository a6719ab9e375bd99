"""Wires settings, preset models, engine, render and pattern workers and the OSC transport.

Everything here runs on the event loop thread except `_load` (the preset loader thread) and the
two workers. The receive path (`handle`) only decodes, updates the engine and submits: it never
waits for a model or touches a file.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import time
from collections import OrderedDict
from typing import Callable, Optional

from server import __version__
from server.core.config import Settings, server_render_dir
from server.core.engine import PATTERN_START_XY, Engine
from server.core.errors import ConfigError, LatentpadError, ProtocolError
from server.core.protocol import (NPADS, Hello, PadCombine, PadLatent, PadMorph, PadRender,
                                  PadTrigger, PadXY, PatternChange, PatternCountIn, PatternDensity, PatternFill,
                                  PatternRecall, PatternStore, PatternSwing, PatternTemperature, PatternXY, Ping,
                                  PresetList, PresetLoad, Stats, decode)
from server.core.patterns import STEPS
from server.core.requests import Client
from server.io.osc import OscEndpoint, Replier, open_udp
from server.io.transport import Transport
from server.presets.bundle import list_presets, load_preset
from server.presets.models import Models, load_models
from server.workers.diffusion import Diffusion
from server.workers.melody import MelodyService
from server.workers.pattern_worker import PatternFailed, PatternReady, PatternWorker, decode_pattern
from server.workers.render import Failed, Rendered, RenderWorker
from server.workers.similar import SimilarSearch
from server.workers.space import SoundSpace
from server.workers.tasks import LatestWinsWorker

log = logging.getLogger("server.app")

MAX_CLIENTS = 64


class App:
    def __init__(self, settings: Settings, models: Models, loop: asyncio.AbstractEventLoop,
                 sink: Optional[Callable] = None):
        self.settings = settings
        self.models = models
        self.engine = Engine(models.preset, settings.seed)
        self.endpoint = OscEndpoint(self.handle, self.undecodable)
        self.replies = Replier(sink or self.endpoint.send)
        self.worker = RenderWorker(settings.render_dir, settings.keep_renders_per_pad, self._from_worker)
        self.render_dir = settings.render_dir  # start() makes it this server's own: <render_dir>/port-<port>
        self.patterns = PatternWorker(self._from_worker)
        self._loop = loop
        self._transport = None
        self._clients: OrderedDict = OrderedDict()
        # /preset/load: latest wins like every other job; a load that is replaced gets no reply
        self._loader = LatestWinsWorker(lambda done, *result: loop.call_soon_threadsafe(done, *result),
                                        "latentpad-preset")
        self.space = SoundSpace(self, loop)
        self.library = SimilarSearch(self, loop)
        self.diffusion = Diffusion(self, loop)
        self.melody = MelodyService(self, loop)  # /melody/continue, /melody/key
        self.transport = Transport(settings)  # the server's clock: serve --midi-out, --clock-out, --clock
        self.voices = None  # a server.io.audio.VoiceEngine in standalone audio mode (serve --audio)
        self.controller = None  # the MIDI ControllerMap in use (choke groups, pad names for voices)
        self.midi = None  # server.io.midi.Midi when serving --midi-in / --controller
        self.triggers = 0  # pad triggers seen (OSC /pad/trigger and MIDI notes)
        self._handlers = {
            Hello: self._hello, Ping: self._ping, Stats: self._stats,
            PadXY: self.apply_pad, PadLatent: self.apply_pad, PadRender: self.apply_pad,
            PadMorph: self.apply_pad, PadCombine: self.apply_pad, **self.space.handlers,
            **self.diffusion.handlers,  # /pad/random, /pad/vary (prior or Gaussian), /pad/transform
            PadTrigger: self._trigger,
            **self.library.handlers, **self.melody.handlers,
            PresetLoad: self._preset_load, PresetList: self._preset_list,
            PatternXY: self._pattern, PatternDensity: self._pattern, PatternTemperature: self._pattern,
            PatternRecall: self._pattern, PatternStore: self._pattern_store,
            PatternSwing: self._pattern, PatternFill: self._pattern,
            PatternChange: self._pattern_change, PatternCountIn: self._count_in,
        }
        self.change_now = False  # /pattern/change: new patterns at the next step, not the next bar
        self._results = {Rendered: self._rendered, Failed: self._failed,
                         PatternReady: self._pattern_ready, PatternFailed: self._pattern_failed}

    # --- receive path -----------------------------------------------------------------------
    def handle(self, address: str, args: tuple, sender: tuple) -> None:
        try:
            request = decode(address, args, latent_size=self.engine.latent_size)
            self._handlers[type(request)](request, sender)
        except ProtocolError as error:
            log.info("bad message from %s:%s: %s", sender[0], sender[1], error)
            self.error(self.client(sender), error.address, error.problem)
        except Exception as exc:  # a server bug: say so, keep serving
            log.exception("handling %s from %s:%s failed", address, sender[0], sender[1])
            self.error(self.client(sender), address, f"internal error: {type(exc).__name__}: {exc}")

    def undecodable(self, error: ProtocolError, sender: tuple) -> None:
        self.error(self.client(sender), error.address, error.problem)

    def client(self, sender: tuple) -> Client:
        """Who `sender` is: its /hello, else the newest /hello whose replies go where this
        sender's would (same host, the --reply-port): `oscsend`, a new socket per message, then
        gets the sample rate its /hello asked for. Else the --reply-port at the preset's rate."""
        known = self._clients.get(sender)
        if known is not None:
            return known
        reply_to = (sender[0], self.settings.reply_port)
        for client in reversed(self._clients.values()):  # at most MAX_CLIENTS
            if client.reply_to == reply_to:
                return client
        return Client(reply_to, None)

    def error(self, client: Client, address: str, message: str) -> None:
        self.replies.send(client.reply_to, "/error", address, message)

    def _hello(self, request: Hello, sender: tuple) -> None:
        client = Client((sender[0], request.reply_port), request.sample_rate_hz)
        self._clients.pop(sender, None)
        self._clients[sender] = client
        while len(self._clients) > MAX_CLIENTS:
            self._clients.popitem(last=False)
        self.replies.send(client.reply_to, "/hello", __version__, self.engine.preset.name, NPADS)

    def trigger(self, pad: int, velocity: float, arrived: float) -> None:
        """Play a pad (standalone audio mode); `arrived` = perf_counter() at the message's receipt."""
        self.triggers += 1
        if self.voices is not None:
            self.voices.trigger(pad, velocity, arrived)
        self.diffusion.after_trigger(pad)  # round robin (/pad/humanize): the next hit varies

    def _trigger(self, request: PadTrigger, sender: tuple) -> None:
        self.trigger(request.pad, request.velocity, time.perf_counter())

    def midi_sender(self) -> tuple:
        """Whom MIDI-driven requests answer: the newest /hello sender, else the default reply port."""
        return next(reversed(self._clients), ("127.0.0.1", 0))

    def _ping(self, request: Ping, sender: tuple) -> None:
        self.replies.send(self.client(sender).reply_to, "/pong", request.seq)

    def _stats(self, request: Stats, sender: tuple) -> None:
        s = self.worker.stats()
        self.replies.send(self.client(sender).reply_to, "/stats", s["requests"], s["renders"],
                          s["superseded"], s["errors"])

    def apply_pad(self, request, sender: tuple) -> None:
        """A pad gesture the engine computes itself (xy, latent, morph, Gaussian random/vary)."""
        client = self.client(sender)
        job = self.engine.apply(request)
        self.space.pad_gesture(request.pad)
        self.submit_render(job, client)

    def submit_render(self, job, client: Client) -> None:
        rate = client.sample_rate_hz or self.models.preset.sample_rate_hz
        self.worker.submit(job, self.models, rate, client)

    def _pattern(self, request, sender: tuple) -> None:
        client = self.client(sender)
        job = self.engine.apply_pattern(request)  # ProtocolError when the preset has no groove
        self.patterns.submit(job, self.models.groove, client)

    def _pattern_change(self, request: PatternChange, sender: tuple) -> None:
        self.change_now = bool(request.now)
        self.replies.send(self.client(sender).reply_to, "/pattern/change", int(self.change_now))

    def _count_in(self, request: PatternCountIn, sender: tuple) -> None:
        self.replies.send(self.client(sender).reply_to, "/pattern/countin", self.transport.count_in(request.bars))

    def _pattern_store(self, request: PatternStore, sender: tuple) -> None:
        self.replies.send(self.client(sender).reply_to, "/pattern/scene", self.engine.store_pattern(request))

    def _preset_list(self, request: PresetList, sender: tuple) -> None:
        client = self.client(sender)
        future = self._loop.run_in_executor(None, list_presets, self.settings.presets_dir)
        future.add_done_callback(lambda f: self._listed(f, client))

    def _listed(self, future, client: Client) -> None:
        if future.cancelled():  # shutting down
            return
        if future.exception() is not None:
            self.error(client, "/preset/list", f"cannot list presets: {future.exception()}")
        else:
            self.replies.send(client.reply_to, "/presets", *future.result())

    def _preset_load(self, request: PresetLoad, sender: tuple) -> None:
        client, name = self.client(sender), request.name
        self._loader.submit("preset", lambda: self._load(name),
                            lambda key, models, error: self._loaded(models, error, name, client))

    # --- off the receive path ---------------------------------------------------------------
    def _load(self, name: str) -> Models:  # loader thread
        s = self.settings
        return load_models(load_preset(s.presets_dir, name), s.device, s.intra_op_threads)

    def _loaded(self, models: Optional[Models], exc: Optional[BaseException], name: str,
                client: Client) -> None:  # loop thread: the swap
        if exc is None:
            self.models = models
            self.space.stop_glide()
            self.engine.swap_preset(self.models.preset)
            self.library.preset_changed()
            self.transport.preset_changed(self.models.preset)
            log.info("preset %s loaded (%s)", name, self.models.provider)
            self.replies.send(client.reply_to, "/preset", name)
            return
        if not isinstance(exc, LatentpadError):
            log.error("loading preset %s failed unexpectedly", name, exc_info=exc)
        else:
            log.warning("preset %s refused: %s", name, exc)
        self.error(client, "/preset/load", f"{name}: {exc}; still serving {self.engine.preset.name}")

    def _from_worker(self, result) -> None:  # render or pattern thread
        self._loop.call_soon_threadsafe(self._results[type(result)], result)

    def _rendered(self, result: Rendered) -> None:
        self.space.rendered(result.job.pad, result.path, result.job.z)
        if self.voices is not None and result.audio is not None:
            self.voices.load(result.job.pad, result.audio, result.sample_rate_hz)
        self.replies.send(result.target.reply_to, "/sample", result.job.pad, str(result.path),
                          result.job.seq)
        self.space.render_done(result.job.pad, result.job.seq)  # a recall's /scene comes after

    def _pattern_ready(self, result: PatternReady) -> None:
        to = result.target.reply_to
        if result.job.fill:  # one bar, once: the decoded fill's second bar
            self.transport.fill(result.pattern)
            bar = slice(STEPS // 2, STEPS)
            for inst, row in enumerate(result.pattern.velocity):
                self.replies.send(to, "/pattern/fill", inst, *row[bar].tolist())
            for inst, row in enumerate(result.pattern.offset):
                self.replies.send(to, "/pattern/filloffset", inst, *row[bar].tolist())
            return
        self.transport.play(result.pattern, self.change_now)  # MIDI out: next bar line, or now
        for inst, row in enumerate(result.pattern.velocity):
            self.replies.send(to, "/pattern/row", inst, *row.tolist())
        for inst, row in enumerate(result.pattern.offset):
            self.replies.send(to, "/pattern/offset", inst, *row.tolist())

    def _pattern_failed(self, result: PatternFailed) -> None:
        self.error(result.target, result.job.address, result.message)

    def _failed(self, result: Failed) -> None:
        self.error(result.target, result.job.address, f"pad {result.job.pad}: {result.message}")
        self.space.render_done(result.job.pad, result.job.seq)

    # --- lifecycle --------------------------------------------------------------------------
    async def start(self) -> tuple:
        s = self.settings
        try:
            transport, bound = await open_udp(s.host, s.port, self.endpoint)
        except OSError as exc:  # gaierror, address in use, no permission
            raise ConfigError(f"cannot listen on udp {s.host}:{s.port}: {exc}; pick another "
                              "--port (0 = any free one) or --host") from exc
        self._transport = transport
        self.render_dir = server_render_dir(s.render_dir, bound[1])  # two servers never share one
        try:
            self.worker.start(self.render_dir)
        except OSError as exc:
            raise ConfigError(f"cannot use --render-dir {s.render_dir}: {exc}") from exc
        self._loader.start()
        self.patterns.start()
        self.space.start()
        self.diffusion.start()
        self.library.start()
        self.melody.start()
        self._start_transport()
        if s.midi_in or s.controller:
            from server.io.midi import start_midi

            self.midi = start_midi(self, self._loop)
            self.controller = self.midi.controller
        return bound

    def _start_transport(self) -> None:
        """Plays the start point's pattern until a /pattern/* message brings another."""
        first = None
        if self.transport.wanted and self.models.groove is not None:
            first = decode_pattern(self.models.groove, self.engine.apply_pattern(PatternXY(*PATTERN_START_XY)))
        self.transport.start(self.models.preset, first)

    def close(self) -> None:
        self.transport.close()
        if self.midi is not None:
            self.midi.close()
        self.worker.stop()
        self.worker.remove_renders()  # this server's folder goes with it
        self.patterns.stop()
        self.space.close()
        self.diffusion.close()
        self.library.close()
        self.melody.close()
        self._loader.stop()  # waits for a load still running (at most 5 s); its result is dropped
        if self._transport is not None:
            self._transport.close()


async def serve(settings: Settings, models: Models, on_ready: Callable[[tuple], None],
                setup: Optional[Callable[[App], None]] = None) -> None:
    """Run until SIGINT/SIGTERM. `on_ready(bound_addr)` is called once the socket is open, after
    `setup(app)` (e.g. attaching audio out)."""
    loop = asyncio.get_running_loop()
    app = App(settings, models, loop)
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # Windows, or not the main thread
            pass
    try:
        bound = await app.start()
        if setup is not None:
            setup(app)
        on_ready(bound)
        await stop.wait()
    finally:
        app.close()
