"""Standalone audio out: a voice engine that plays the pads' newest renders on a sounddevice stream.

Two sides, and what each may do:

- control (the event loop, a MIDI or clock thread): `trigger()` writes one command (pad,
  velocity, arrival time) into a preallocated ring and bumps a counter; producers serialise on a
  lock of their own, which the audio callback never takes. `load()` prepares a pad's buffer off
  the audio thread (float32 at the device rate, a faded tail, read-only) and publishes it by
  swapping the pad's tuple of round-robin slots: one reference assignment, read by the callback
  once per trigger.
- the PortAudio callback (`callback`): takes the new commands, starts, chokes and steals voices,
  mixes into the output buffer in place. Like sounddevice's own rules: it allocates no numpy
  buffer (scratch, voice pool, rings are all made here, at configure time; it only takes views),
  logs nothing, touches no file and takes no lock.

Trigger-to-sound latency, as recorded per started voice in the latency ring: from `arrived` (the
`time.perf_counter()` the receive path read when the message came in) to `block` = the
`perf_counter()` read at the start of the callback that mixes the voice's first sample. Voices
start at frame 0 of that block, so this is the time from arrival to the first sample being in an
output block. The ring also keeps `dac`: PortAudio's `outputBufferDacTime` for that block mapped
onto perf_counter (block + dac time - current time), which adds the device's own output latency.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Mapping, Optional

import numpy as np

from server.core.errors import ConfigError
from server.core.protocol import NPADS
from server.core.sample_io import resample

log = logging.getLogger("server.audio")

MIN_VOICES = 16
MAX_SLOTS = 4  # round-robin buffers per pad: a trigger plays the next one
TAIL_SLOTS = 8  # extra voices that only finish fades of stolen voices
COMMAND_RING = 1024  # triggers in flight between producers and the callback
LATENCY_RING = 8192
FADE_S = 0.003  # choke / steal fade: short enough to feel instant, long enough not to click
TAIL_FADE_S = 0.002  # every buffer ends in a fade: a cut render never ends on a step
FIRST_NOTE = 36  # default controller map: GM note 36 + pad (pad 0 = kick on C1)
HAT_CLASSES = ("closed_hat", "pedal_hat", "open_hat")


def velocity_gain(velocity: float) -> float:
    """Velocity in [0, 1] -> gain: a square law, so half velocity is -12 dB, as drum samplers do."""
    v = min(max(float(velocity), 0.0), 1.0)
    return v * v


def default_choke_groups(drum_map: Mapping[str, int], first_note: int = FIRST_NOTE) -> dict:
    """Pad -> choke group from the preset's class names: the hats (closed, pedal and open, placed on
    pads by their GM notes through the default note map) share group 1, so a closed hat cuts a
    ringing open hat. Also GM 42/44/46 themselves, for presets without hat classes."""
    notes = {drum_map[name] for name in HAT_CLASSES if name in drum_map} | {42, 44, 46}
    return {note - first_note: 1 for note in sorted(notes) if 0 <= note - first_note < NPADS}


@dataclass(frozen=True)
class AudioSettings:
    device: Optional[str] = None  # name part or index; None: JACK's output if JACK runs, else default
    sample_rate_hz: int = 48000
    blocksize: int = 128
    channels: int = 2
    voices: int = MIN_VOICES
    gain: float = 1.0  # master gain before the final clip to [-1, 1]

    def __post_init__(self) -> None:
        if not isinstance(self.sample_rate_hz, int) or not 8000 <= self.sample_rate_hz <= 192000:
            raise ConfigError(f"--audio-rate must be 8000..192000 Hz, got {self.sample_rate_hz!r}")
        if not isinstance(self.blocksize, int) or not 16 <= self.blocksize <= 8192:
            raise ConfigError(f"--blocksize must be 16..8192 frames, got {self.blocksize!r}")
        if not isinstance(self.channels, int) or not 1 <= self.channels <= 64:
            raise ConfigError(f"audio channels must be 1..64, got {self.channels!r}")
        if not isinstance(self.voices, int) or not MIN_VOICES <= self.voices <= 256:
            raise ConfigError(f"--voices must be {MIN_VOICES}..256, got {self.voices!r}")
        if not 0.0 <= float(self.gain) <= 4.0:
            raise ConfigError(f"audio gain must be 0..4, got {self.gain!r}")


class VoiceEngine:
    """A preallocated voice pool over the pads' buffers; see the module docstring for threads."""

    def __init__(self, settings: AudioSettings, choke: Optional[Mapping[int, int]] = None,
                 capture_s: float = 0.0):
        self.settings = settings
        self.sample_rate_hz = settings.sample_rate_hz
        self._block = settings.blocksize
        self._banks = [()] * NPADS  # pad -> tuple of read-only float32 buffers (published by load)
        self.set_choke_groups(choke or {})
        # command ring: producers write a slot, then bump _written; the callback bumps _taken
        self._cmd_pad = np.zeros(COMMAND_RING, np.int64)
        self._cmd_velocity = np.zeros(COMMAND_RING, np.float64)
        self._cmd_arrived = np.zeros(COMMAND_RING, np.float64)
        self._written = 0
        self._taken = 0
        self._producers = threading.Lock()
        # voice pool (callback-private): `voices` playing voices plus tails that finish fades
        n = settings.voices + TAIL_SLOTS
        self._limit = settings.voices
        self._v_buf = [None] * n  # the buffer each active voice plays (None: free)
        self._v_pad = [0] * n
        self._v_pos = [0] * n
        self._v_fade = [-1] * n  # -1: not fading; else frames into the fade
        self._v_born = [0] * n
        self._v_gain = np.zeros((n, 1), np.float32)  # row views broadcast without a temporary
        self._rr = [0] * NPADS
        self._born = 0
        self._fade = np.linspace(1.0, 0.0, max(2, int(FADE_S * self.sample_rate_hz)), dtype=np.float32)
        self._mix = np.zeros(self._block, np.float32)
        self._tmp = np.zeros(self._block, np.float32)
        self._master = np.full(1, settings.gain, np.float32)
        self._frames = 0  # frames produced since start (the stream's sample clock)
        # latency ring: one row per started voice
        self._lat_arrived = np.zeros(LATENCY_RING, np.float64)
        self._lat_block = np.zeros(LATENCY_RING, np.float64)
        self._lat_dac = np.zeros(LATENCY_RING, np.float64)
        self._lat_frame = np.zeros(LATENCY_RING, np.int64)
        self._lat_pad = np.zeros(LATENCY_RING, np.int64)
        self.started = 0  # voices started (= rows written to the latency ring)
        self._callback_at = np.zeros(LATENCY_RING, np.float64)  # perf_counter at each callback's start
        self.callbacks = 0
        self.counts = {"dropped": 0, "silent": 0, "stolen": 0, "choked": 0, "xruns": 0}
        # test/bench seam: the last `capture_s` seconds of the mono mix
        self._capture = np.zeros(int(capture_s * self.sample_rate_hz), np.float32)

    # --- control side -----------------------------------------------------------------------
    def load(self, pad: int, audio: np.ndarray, sample_rate_hz: int, slot: int = 0) -> None:
        """Make `audio` pad `pad`'s round-robin buffer `slot` (0..3; slots fill in order)."""
        bank = list(self._banks[pad])
        if not 0 <= slot <= min(len(bank), MAX_SLOTS - 1):
            raise ValueError(f"pad {pad} has {len(bank)} slots; load slot {len(bank)} next (at most {MAX_SLOTS})")
        buffer = self.prepare(audio, sample_rate_hz)
        bank[slot:slot + 1] = [buffer]
        self._banks[pad] = tuple(bank)  # the publish: one reference swap

    def set_slots(self, pad: int, buffers: list, sample_rate_hz: int) -> None:
        """Replace all of a pad's round-robin buffers at once (1..4)."""
        if not 1 <= len(buffers) <= MAX_SLOTS:
            raise ValueError(f"a pad holds 1..{MAX_SLOTS} buffers, got {len(buffers)}")
        self._banks[pad] = tuple(self.prepare(b, sample_rate_hz) for b in buffers)

    def set_choke_groups(self, groups: Mapping[int, int]) -> None:
        """Pad -> group (1, 2, ...): a trigger fades out every voice of its group. Published whole."""
        table = [0] * NPADS
        for pad, group in groups.items():
            table[int(pad)] = int(group)
        self._group = table

    def slots(self, pad: int) -> int:
        return len(self._banks[pad])

    def prepare(self, audio: np.ndarray, sample_rate_hz: int) -> np.ndarray:
        """A playable buffer: mono float32 at the device rate, finite, with a faded tail."""
        audio = np.asarray(audio, np.float32)
        if audio.ndim == 2:  # a stereo render (/pad/width): the voices are mono, so its mid
            audio = audio.mean(axis=1)
        audio = np.nan_to_num(audio.reshape(-1))
        audio = np.array(resample(audio, sample_rate_hz, self.sample_rate_hz), np.float32)  # our own copy
        n = min(audio.size, max(2, int(TAIL_FADE_S * self.sample_rate_hz)))
        audio[audio.size - n:] *= np.linspace(1.0, 0.0, n, dtype=np.float32)
        audio.setflags(write=False)
        return audio

    def trigger(self, pad: int, velocity: float = 1.0, arrived: Optional[float] = None) -> bool:
        """Queue a hit for the next audio block. Never waits on the audio thread; False (and counted)
        when the ring is full, which takes 1024 triggers inside one block."""
        arrived = time.perf_counter() if arrived is None else arrived
        with self._producers:
            if self._written - self._taken >= COMMAND_RING:
                self.counts["dropped"] += 1
                return False
            i = self._written % COMMAND_RING
            self._cmd_pad[i] = pad
            self._cmd_velocity[i] = velocity
            self._cmd_arrived[i] = arrived
            self._written += 1  # published after the slot is filled
        return True

    def latencies(self) -> dict:
        """Copies of the latency ring's newest rows: arrays arrived, block, dac (perf_counter
        seconds), frame (stream frame of the voice's first sample) and pad."""
        n = min(self.started, LATENCY_RING)
        order = (np.arange(self.started - n, self.started)) % LATENCY_RING
        return {"arrived": self._lat_arrived[order], "block": self._lat_block[order],
                "dac": self._lat_dac[order], "frame": self._lat_frame[order], "pad": self._lat_pad[order]}

    def callback_periods(self) -> np.ndarray:
        """Seconds between the newest callbacks' starts: the period the device really kept."""
        n = min(self.callbacks, LATENCY_RING)
        return np.diff(self._callback_at[np.arange(self.callbacks - n, self.callbacks) % LATENCY_RING])

    def captured(self, frame: int, count: int) -> np.ndarray:
        """A copy of the mono mix from stream frame `frame` (needs `capture_s`; test/bench seam)."""
        size = self._capture.size
        if not size or frame < self._frames - size or frame + count > self._frames:
            raise ValueError(f"frames {frame}..{frame + count} are not in the capture "
                             f"(produced {self._frames}, keeping {size})")
        return self._capture[np.arange(frame, frame + count) % size]

    @property
    def frames(self) -> int:
        return self._frames

    def active_voices(self) -> int:
        return sum(b is not None for b in self._v_buf)

    # --- the audio callback -----------------------------------------------------------------
    def callback(self, outdata, frames, time_info, status) -> None:
        """sounddevice's callback: commands in, voices mixed into `outdata` in place."""
        now = time.perf_counter()
        dac = now + (time_info.outputBufferDacTime - time_info.currentTime)
        if status:
            self.counts["xruns"] += 1
        self._callback_at[self.callbacks % LATENCY_RING] = now
        self.callbacks += 1
        self.render(outdata, frames, now, dac)

    def render(self, outdata, frames: int, now: float, dac: float) -> None:
        """Fill `outdata[:frames]` (frames x channels float32); `now`/`dac` as the callback saw them."""
        self._take_commands(now, dac)
        for start in range(0, frames, self._block):
            n = min(self._block, frames - start)
            mix = self._mix[:n]
            self._mix_voices(mix, n)
            np.multiply(mix, self._master, out=mix)
            np.clip(mix, -1.0, 1.0, out=mix)
            for channel in range(outdata.shape[1]):
                np.copyto(outdata[start:start + n, channel], mix)
            self._keep(mix, n)
            self._frames += n

    def _take_commands(self, now: float, dac: float) -> None:
        written = self._written  # read once: later triggers wait for the next block
        while self._taken < written:
            i = self._taken % COMMAND_RING
            self._start(int(self._cmd_pad[i]), float(self._cmd_velocity[i]), float(self._cmd_arrived[i]),
                        now, dac)
            self._taken += 1

    def _start(self, pad: int, velocity: float, arrived: float, now: float, dac: float) -> None:
        bank = self._banks[pad]  # one read of the published reference
        if not bank:
            self.counts["silent"] += 1
            return
        buffer = bank[self._rr[pad] % len(bank)]
        self._rr[pad] += 1
        group = self._group[pad]
        playing = 0
        for v, b in enumerate(self._v_buf):
            if b is None or self._v_fade[v] >= 0:
                continue
            if group and self._group[self._v_pad[v]] == group:
                self._v_fade[v] = 0
                self.counts["choked"] += 1
            else:
                playing += 1
        if playing >= self._limit:
            self._steal_oldest()
        v = self._free_voice()
        self._v_buf[v], self._v_pad[v], self._v_pos[v], self._v_fade[v] = buffer, pad, 0, -1
        self._v_gain[v, 0] = velocity_gain(velocity)
        self._born += 1
        self._v_born[v] = self._born
        row = self.started % LATENCY_RING
        self._lat_arrived[row], self._lat_block[row], self._lat_dac[row] = arrived, now, dac
        self._lat_frame[row], self._lat_pad[row] = self._frames, pad
        self.started += 1

    def _steal_oldest(self) -> None:
        oldest, born = -1, 0
        for v, b in enumerate(self._v_buf):
            if b is not None and self._v_fade[v] < 0 and (oldest < 0 or self._v_born[v] < born):
                oldest, born = v, self._v_born[v]
        self._v_fade[oldest] = 0
        self.counts["stolen"] += 1

    def _free_voice(self) -> int:
        """A free slot; with every slot busy (many fades at once), the oldest fading one is cut."""
        victim, born = 0, -1
        for v, b in enumerate(self._v_buf):
            if b is None:
                return v
            if self._v_fade[v] >= 0 and (born < 0 or self._v_born[v] < born):
                victim, born = v, self._v_born[v]
        return victim

    def _mix_voices(self, mix: np.ndarray, n: int) -> None:
        mix.fill(0.0)
        fade, fade_len = self._fade, self._fade.size
        for v, buffer in enumerate(self._v_buf):
            if buffer is None:
                continue
            pos = self._v_pos[v]
            k = min(n, buffer.size - pos)
            tmp = self._tmp[:k]
            np.multiply(buffer[pos:pos + k], self._v_gain[v], out=tmp)
            f = self._v_fade[v]
            if f >= 0:
                m = min(k, fade_len - f)
                np.multiply(tmp[:m], fade[f:f + m], out=tmp[:m])
                tmp[m:].fill(0.0)
                self._v_fade[v] = f + m
                if f + m >= fade_len:
                    k = m
                    self._v_buf[v] = None
            np.add(mix[:k], tmp[:k], out=mix[:k])
            self._v_pos[v] = pos + k
            if pos + k >= buffer.size:
                self._v_buf[v] = None

    def _keep(self, mix: np.ndarray, n: int) -> None:
        size = self._capture.size
        if not size:
            return
        at = self._frames % size
        first = min(n, size - at)
        np.copyto(self._capture[at:at + first], mix[:first])
        if first < n:
            np.copyto(self._capture[:n - first], mix[first:n])


# --- the device ---------------------------------------------------------------------------------
def _refresh_host_apis(sd) -> None:
    """PortAudio lists host APIs (JACK among them) when it initialises: a JACK server started after
    import is only seen after a re-initialise, which is safe while no stream is open."""
    while sd._initialized:  # whoever let go of a stopped JACK server may have terminated it already
        sd._terminate()
    sd._initialize()


def resolve_device(sd, wanted: Optional[str]):
    """Output device index: `wanted` as an index or a part of a name; None: JACK's default output
    when a JACK server runs, else the system default. ConfigError naming the choices otherwise."""
    devices = sd.query_devices()
    outputs = [i for i, d in enumerate(devices) if d["max_output_channels"] > 0]
    if wanted is None:
        for api in sd.query_hostapis():
            if "JACK" in api["name"] and api["default_output_device"] >= 0:
                return api["default_output_device"]
        default = sd.default.device[1]
        if default is not None and default >= 0:
            return default
    elif str(wanted).isdigit() and int(wanted) in outputs:
        return int(wanted)
    else:
        named = [i for i in outputs if str(wanted).lower() in devices[i]["name"].lower()]
        if named:
            return named[0]
    listed = ", ".join(f"{i}: {devices[i]['name']}" for i in outputs) or "none"
    raise ConfigError(f"no audio output device {wanted if wanted is not None else '(default)'}; "
                      f"outputs: {listed} (see `latentpad doctor`; start JACK or give --audio-device)")


class AudioOut:
    """The engine on a sounddevice OutputStream; `restart()` reopens it (the watchdog's cure)."""

    def __init__(self, engine: VoiceEngine):
        self.engine = engine
        self.stream = None
        self.description = ""
        self.restarts = 0

    def start(self) -> None:
        import sounddevice as sd  # imported when audio is asked for: PortAudio is optional elsewhere

        s = self.engine.settings
        try:
            _refresh_host_apis(sd)
            device = resolve_device(sd, s.device)
            stream = sd.OutputStream(samplerate=s.sample_rate_hz, blocksize=s.blocksize, device=device,
                                     channels=s.channels, dtype="float32", latency="low",
                                     callback=self.engine.callback)
            stream.start()
        except sd.PortAudioError as exc:
            raise ConfigError(f"cannot open audio output {s.device or '(default)'} at {s.sample_rate_hz} Hz, "
                              f"{s.blocksize} frames: {exc}") from exc
        info = sd.query_devices(device)
        api = sd.query_hostapis(info["hostapi"])["name"]
        self.stream = stream
        self.description = (f"{info['name']} ({api}), {s.sample_rate_hz} Hz, {s.blocksize} frames, "
                            f"output latency {stream.latency * 1000:.2f} ms")

    def alive(self) -> bool:
        return self.stream is not None and self.stream.active

    def restart(self) -> None:
        self.close()
        self.restarts += 1
        self.start()

    def close(self) -> None:
        stream, self.stream = self.stream, None
        if stream is not None:
            try:
                stream.abort()
                stream.close()
            except Exception as exc:  # a stream whose server died: nothing left to release
                log.info("closing the audio stream: %s", exc)


def choke_groups(drum_map: Mapping[str, int], controller_groups: tuple = ()) -> dict:
    """Pad -> choke group: a controller map's `choke_groups` when it has some, else the preset's."""
    if controller_groups:
        return {pad: i + 1 for i, group in enumerate(controller_groups) for pad in group}
    return default_choke_groups(drum_map)


def add_audio_args(p, flag: bool = True) -> None:
    """--audio-device, --audio-rate, --blocksize, --voices (and --audio itself when `flag`)."""
    if flag:
        p.add_argument("--audio", action="store_true", help="play pads on an audio device (/pad/trigger, MIDI notes)")
    p.add_argument("--audio-device", default=None, help="output device: index or part of its name "
                   "(default: JACK's output when JACK runs, else the system default)")
    p.add_argument("--audio-rate", type=int, default=48000, help="device sample rate in Hz")
    p.add_argument("--blocksize", type=int, default=128, help="frames per audio block")
    p.add_argument("--voices", type=int, default=MIN_VOICES, help=f"polyphony (at least {MIN_VOICES})")


def audio_settings(args) -> AudioSettings:
    return AudioSettings(device=args.audio_device, sample_rate_hz=args.audio_rate, blocksize=args.blocksize,
                         voices=args.voices)


def for_app(args, models) -> AudioOut:
    """The AudioOut for `serve --audio` / `install`: flags -> settings; the preset's hat classes
    choke each other until `attach` finds a controller map with choke groups of its own."""
    return AudioOut(VoiceEngine(audio_settings(args), default_choke_groups(models.preset.drum_map)))


def attach(app, out: AudioOut) -> None:
    """Start `out` and make it the app's voices: renders feed it, triggers play it. Every pad
    renders its current point at the device rate right away, so a trigger sounds from the start."""
    from server.core.protocol import PadRender
    from server.core.requests import Client

    controller = getattr(app, "controller", None)
    if controller is not None and controller.choke_groups:
        out.engine.set_choke_groups(choke_groups(app.engine.preset.drum_map, controller.choke_groups))
    out.start()
    app.voices = out.engine
    client = Client(("127.0.0.1", app.settings.reply_port), out.engine.sample_rate_hz)
    for pad in range(NPADS):
        app.submit_render(app.engine.apply(PadRender(pad)), client)
