// latentpad Sampler logic: pure state, no Max objects touched directly.
// Runs in Max's [js] (ES5) and under node (tests). Max calls the handlers at the bottom;
// node requires createSampler() and passes its own `emit(outlet, args)`.
//
// Outlets (see m4l/src/latentpad_sampler.maxpat):
//   0 OSC message to [udpsend]            e.g. /pad/xy 3 0.25 0.8
//   1 buffer command  <buf> replace <path> to [route 0..31] -> [buffer~ ---lpNa|b]
//   2 voice command   <voice> stop         to [route 0..31] -> [play~]
//   3 live slot       <pad> <1|2>          to [route 0..15] -> [gate 2] (which buffer notes play)
//   4 audition        <note> <velocity>    into the same note path as MIDI from the track
//     (every note the path plays comes back in as `played <note> <velocity>`: Humanize)
//   5 online          0|1                  to the status [led]
//   6 status text     set <words>          to the status [live.comment]
// Buffer/voice index = pad * 2 + slot (slot 0 = "a", 1 = "b").

var NPADS = 16;
var FIRST_NOTE = 36; // GM drum notes 36..51 -> pads 0..15
var SAMPLE_RATES_HZ = [8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000, 88200, 96000,
                       176400, 192000];
var OFFLINE_AFTER_TICKS = 3; // ticks (1 s each) without a reply -> offline
var READ_TIMEOUT_TICKS = 3; // ticks a buffer~ may read before the pad gives up waiting

// What each control sends on load (its `parameter_initial`, after the patch's `- 1` on Morph
// A/B), keyed by the message it drives: the state below starts at these values, and
// tests/test_m4l_conformance.py checks every control's initial value against this table.
var DEFAULTS = {
  "select": 0, "x": 0.5, "y": 0.5, "spread": 1.0, "randomclass": 0, "varyamount": 0.3,
  "morpha": 0, "morphb": 1, "morpht": 0.5, "scene": 0, "glide": 0.0, "transformclass": 0,
  "strength": 0.5, "humanize": 0.0
};

// The classes the diffusion prior knows, in the order of the Class and To menus: those of the
// default preset and of every preset `latentpad train oneshot` makes (tests check all three agree).
var CLASSES = ["kick", "snare", "clap", "closed_hat", "open_hat", "tom", "cymbal", "percussion"];

// The OSC this device sends (address -> type tags, `|` between the signatures of an address sent
// in more than one shape) and routes (address -> type tags); tests/test_m4l_patches.py checks
// every signature against server.core.protocol REQUESTS / REPLIES.
var SENDS = {
  "/hello": "ii", "/ping": "i", "/pad/xy": "iff", "/pad/random": "if|ifs", "/pad/vary": "if",
  "/pad/transform": "isf", "/pad/morph": "iiif", "/pad/render": "i", "/scene/store": "i",
  "/scene/recall": "if"
};
var RECEIVES = {"/hello": "ssi", "/pong": "i", "/sample": "isi", "/scene": "i", "/error": "ss"};

function clamp(v, lo, hi) { return Math.min(hi, Math.max(lo, v)); }
function asInt(v) { return Math.round(Number(v)) | 0; }

function createSampler(emit) {
  var D = DEFAULTS;
  var s = {
    sampleRate: 0, online: false, silentTicks: 0, pingSeq: 0, selected: D.select,
    live: [], pending: [], reading: [], readTicks: [], lastSeq: [], xy: [], spread: D.spread,
    vary: D.varyamount, morphA: D.morpha, morphB: D.morphb, morphT: D.morpht, sceneSlot: D.scene,
    glideMs: D.glide, server: "", randomClass: D.randomclass - 1, // class -1 = any
    transformClass: D.transformclass, strength: D.strength, humanize: D.humanize
  };
  for (var p = 0; p < NPADS; p++) {
    s.live.push(-1); s.pending.push(-1); s.reading.push(0); s.readTicks.push(0); s.lastSeq.push(0);
    s.xy.push([D.x, D.y]);
  }

  function osc(address) {
    var args = Array.prototype.slice.call(arguments, 1);
    emit(0, [address].concat(args));
  }
  function setOnline(on) {
    if (on === s.online) return;
    s.online = on;
    emit(5, [on ? 1 : 0]);
    emit(6, ["set", on ? "online: " + s.server : "offline: start latentpad serve"]);
  }
  // A buffer~ whose read fails never sends its "loaded" bang: after READ_TIMEOUT_TICKS the pad
  // stops waiting (it keeps playing its live buffer) so the next render can swap it again.
  function giveUpWaiting(pad) {
    if (s.reading[pad] <= 0) return;
    s.readTicks[pad] += 1;
    if (s.readTicks[pad] < READ_TIMEOUT_TICKS) return;
    s.reading[pad] = 0; s.readTicks[pad] = 0; s.pending[pad] = -1;
    emit(6, ["set", "pad " + (pad + 1) + ": sample did not load"]);
  }
  function hello() {
    if (SAMPLE_RATES_HZ.indexOf(s.sampleRate) >= 0) osc("/hello", s.replyPort, s.sampleRate);
    else osc("/hello", s.replyPort);
  }

  var api = {
    state: s,
    // --- from the patch ------------------------------------------------------------------
    port: function (replyPort) { s.replyPort = asInt(replyPort); },
    samplerate: function (hz) { s.sampleRate = asInt(hz); hello(); },
    tick: function () { // from [metro 1000]: liveness; re-announce while offline; read timeouts
      s.silentTicks += 1;
      for (var pad = 0; pad < NPADS; pad++) giveUpWaiting(pad);
      if (s.silentTicks >= OFFLINE_AFTER_TICKS) setOnline(false);
      if (s.online) { s.pingSeq = (s.pingSeq + 1) & 0x7fffffff; osc("/ping", s.pingSeq); }
      else hello();
    },
    select: function (pad) { s.selected = clamp(asInt(pad), 0, NPADS - 1); },
    // X/Y move the selected pad only when they change it: the dials' values on load (their
    // initial value, or the set's stored one when it is the same) re-render nothing
    x: function (v) { api.movexy(0, v); },
    y: function (v) { api.movexy(1, v); },
    movexy: function (axis, v) {
      v = clamp(Number(v), 0, 1);
      if (v === s.xy[s.selected][axis]) return;
      s.xy[s.selected][axis] = v;
      api.sendxy();
    },
    sendxy: function () { var xy = s.xy[s.selected]; osc("/pad/xy", s.selected, xy[0], xy[1]); },
    spread: function (v) { s.spread = clamp(Number(v), 0, 4); },
    // Class menu index: 0 = any class, 1.. = CLASSES[index - 1]
    randomclass: function (index) { s.randomClass = clamp(asInt(index), 0, CLASSES.length) - 1; },
    random: function () {
      if (s.randomClass < 0) osc("/pad/random", s.selected, s.spread);
      else osc("/pad/random", s.selected, s.spread, CLASSES[s.randomClass]);
    },
    transformclass: function (index) { s.transformClass = clamp(asInt(index), 0, CLASSES.length - 1); },
    strength: function (v) { s.strength = clamp(Number(v), 0, 1); },
    transform: function () { osc("/pad/transform", s.selected, CLASSES[s.transformClass], s.strength); },
    humanize: function (v) { s.humanize = clamp(Number(v), 0, 2); },
    // a note the trigger path has just played (it plays first; this only follows it): with
    // Humanize on, ask for a fresh variation so the pad's next hit differs (round robin)
    played: function (note, velocity) {
      var pad = asInt(note) - FIRST_NOTE;
      if (s.humanize <= 0 || asInt(velocity) <= 0 || pad < 0 || pad >= NPADS) return;
      osc("/pad/vary", pad, s.humanize);
    },
    varyamount: function (v) { s.vary = clamp(Number(v), 0, 2); },
    vary: function () { osc("/pad/vary", s.selected, s.vary); },
    morpha: function (v) { s.morphA = clamp(asInt(v), 0, NPADS - 1); },
    morphb: function (v) { s.morphB = clamp(asInt(v), 0, NPADS - 1); },
    morpht: function (v) { s.morphT = clamp(Number(v), 0, 1); },
    morph: function () { osc("/pad/morph", s.selected, s.morphA, s.morphB, s.morphT); },
    scene: function (slot) { s.sceneSlot = clamp(asInt(slot), 0, 15); },
    glide: function (ms) { s.glideMs = clamp(Number(ms), 0, 60000); },
    store: function () { osc("/scene/store", s.sceneSlot); },
    recall: function () { osc("/scene/recall", s.sceneSlot, s.glideMs); },
    audition: function (velocity) { emit(4, [FIRST_NOTE + s.selected, clamp(asInt(velocity), 1, 127)]); },
    // a buffer~ finished reading: make it the pad's live slot once its last read is done
    // (a newer render may have been sent to the same buffer~ while it was still reading)
    loaded: function (pad, slot) {
      pad = asInt(pad); slot = asInt(slot);
      if (pad < 0 || pad >= NPADS || s.pending[pad] !== slot) return;
      s.reading[pad] -= 1;
      if (s.reading[pad] > 0) return;
      s.reading[pad] = 0;
      s.readTicks[pad] = 0;
      s.pending[pad] = -1;
      s.live[pad] = slot;
      emit(3, [pad, slot + 1]);
    },
    // --- OSC from [udpreceive] -----------------------------------------------------------
    osc: function (address, args) {
      s.silentTicks = 0;
      var handler = RECEIVE_HANDLERS[address];
      if (handler) handler(args);
    }
  };

  var RECEIVE_HANDLERS = {
    "/hello": function (a) {
      s.server = "latentpad " + a[0] + ", preset " + a[1];
      if (!s.online) { setOnline(true); for (var p = 0; p < NPADS; p++) osc("/pad/render", p); }
    },
    "/pong": function () { setOnline(true); },
    "/sample": function (a) {
      var pad = asInt(a[0]), path = String(a[1]), seq = asInt(a[2]);
      if (pad < 0 || pad >= NPADS || seq < s.lastSeq[pad]) return; // an older render: ignore
      s.lastSeq[pad] = seq;
      var slot = s.live[pad] === 0 ? 1 : 0; // never the slot notes are playing
      var index = pad * 2 + slot;
      s.pending[pad] = slot;
      s.reading[pad] += 1;
      s.readTicks[pad] = 0;
      emit(2, [index, "stop"]);
      emit(1, [index, "replace", path]);
    },
    "/scene": function () {},
    "/error": function (a) { emit(6, ["set", "error " + a[0] + ": " + a[1]]); }
  };
  s.replyPort = 9001;
  return api;
}

var exported = {createSampler: createSampler, SENDS: SENDS, RECEIVES: RECEIVES, CLASSES: CLASSES,
                FIRST_NOTE: FIRST_NOTE, NPADS: NPADS, DEFAULTS: DEFAULTS,
                READ_TIMEOUT_TICKS: READ_TIMEOUT_TICKS};
if (typeof module !== "undefined" && module.exports) module.exports = exported;

// --- Max glue: [js sampler_logic.js] -----------------------------------------------------
if (typeof outlet === "function" && typeof module === "undefined") {
  inlets = 1;
  outlets = 7;
  var sampler = createSampler(function (n, args) { outlet.apply(this, [n].concat(args)); });
  var anything = function () {
    var args = arrayfromargs(arguments);
    if (messagename.charAt(0) === "/") sampler.osc(messagename, args);
    else if (typeof sampler[messagename] === "function") sampler[messagename].apply(null, args);
    else post("latentpad sampler: unknown message " + messagename + "\n");
  };
  var bang = function () { sampler.tick(); };
}
