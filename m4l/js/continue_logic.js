// latentpad Continue logic: the selected clip's notes -> /melody/continue -> the next clip slot.
// Runs in Max's [js] (ES5) and under node (tests). Press Continue: the notes of the clip in the
// highlighted clip slot are read through the Live API and sent (chunked, CHUNK_NOTES a datagram,
// one request id); the server's /melody replies (chunked too) are put together and written into
// the clip slot below on the same track (a clip of `bars` bars is created there if it is empty).
//
// Outlets (see m4l/src/latentpad_continue.maxpat):
//   0 OSC message to [udpsend]                 e.g. /melody/continue 1 0 1 4 0.9 0.9 0 60 0 1 100
//   1 online 0|1                                to the status [led]
//   2 status text  set <words>                  to the status [live.comment]
// Starts and lengths are in beats from the clip's start; the clip's length goes too, so the
// continuation starts where the clip ends: the next clip simply starts at its beat 0.

var CHUNK_NOTES = 200; // server.core.protocol.MELODY_NOTES_PER_CHUNK
var MAX_CHUNKS = 16;
var OFFLINE_AFTER_TICKS = 3;
var BEATS_PER_BAR = 4;

// What each control sends on load (its `parameter_initial`), keyed by the message it drives
// (tests/test_m4l_conformance.py checks the dials against it).
var DEFAULTS = {"temperature": 0.9, "top_p": 0.9, "bars": 4, "seed": 0};

var SENDS = {"/hello": "i", "/ping": "i", "/melody/continue": "iiiiffififfi"};
var RECEIVES = {"/hello": "ssi", "/pong": "i", "/melody": "iiiiffi", "/error": "ss"};

function clamp(v, lo, hi) { return Math.min(hi, Math.max(lo, v)); }

// Opening notes [pitch, start, length, velocity] -> /melody/continue argument lists, one per
// datagram (request id, chunk, chunks, bars, temperature, top_p, seed, the clip's length in beats,
// then the notes' groups).
function continueMessages(request, notes, s, lengthBeats) {
  var chunks = Math.max(1, Math.ceil(notes.length / CHUNK_NOTES)), out = [];
  for (var c = 0; c < chunks; c++) {
    var msg = ["/melody/continue", request, c, chunks, s.bars, s.temperature, s.top_p, s.seed,
               Math.max(0, Number(lengthBeats) || 0)];
    var part = notes.slice(c * CHUNK_NOTES, (c + 1) * CHUNK_NOTES);
    for (var i = 0; i < part.length; i++) {
      msg.push(clamp(Math.round(part[i][0]), 0, 127), Math.max(0, part[i][1]), Math.max(0, part[i][2]),
               clamp(Math.round(part[i][3]), 0, 127));
    }
    out.push(msg);
  }
  return out;
}

// The notes of a clip as the Live API gives them: Live 11+ get_notes_extended answers a JSON
// dict {"notes": [{pitch, start_time, duration, velocity, ...}]}; before Live 11 get_notes answers
// a list `notes N note p s d v m ... done`. -> [[pitch, start, length, velocity]] by start.
function parseNotes(reply) {
  var notes = [];
  if (typeof reply === "string" || (reply && reply.notes)) {
    var dict = typeof reply === "string" ? JSON.parse(reply) : reply;
    for (var i = 0; i < dict.notes.length; i++) {
      var n = dict.notes[i];
      if (n.mute) continue;
      notes.push([Number(n.pitch), Number(n.start_time), Number(n.duration), Number(n.velocity)]);
    }
  } else {
    var a = [].concat(reply);
    for (var k = 0; k < a.length; k++) {
      if (a[k] === "note" && Number(a[k + 5]) === 0) {
        notes.push([Number(a[k + 1]), Number(a[k + 2]), Number(a[k + 3]), Number(a[k + 4])]);
      }
    }
  }
  notes.sort(function (x, y) { return x[1] - y[1] || y[0] - x[0]; });
  return notes;
}

function majorVersion(LiveAPI) {
  return Number([].concat(new LiveAPI("live_app").call("get_major_version")).pop());
}

// The highlighted clip slot's clip -> {notes, slotPath} or {error}
function readClip(LiveAPI) {
  var slot = new LiveAPI("live_set view highlighted_clip_slot");
  if (!slot || Number(slot.id) === 0) return {error: "select the clip to continue"};
  if (Number(slot.get("has_clip")) === 0) return {error: "the selected slot has no clip"};
  var clip = new LiveAPI(slot.unquotedpath + " clip");
  var length = Number([].concat(clip.get("length")).pop());
  var notes;
  if (majorVersion(LiveAPI) >= 11) {
    try { notes = parseNotes(clip.call("get_notes_extended", 0, 128, 0, length)); }
    catch (e) { notes = null; }
  }
  if (!notes) notes = parseNotes(clip.call("get_notes", 0, 0, length, 128));
  if (notes.length === 0) return {error: "the selected clip has no notes"};
  return {notes: notes, slotPath: slot.unquotedpath, length: length};
}

// "live_set tracks 1 clip_slots 2" -> "live_set tracks 1 clip_slots 3"
function nextSlotPath(path) {
  var m = /^(.*clip_slots )(\d+)$/.exec(path);
  return m ? m[1] + (Number(m[2]) + 1) : null;
}

// Write notes into the slot at `path` (creating a clip of `beats` beats there when empty).
function writeNotes(LiveAPI, path, notes, beats) {
  var slot = new LiveAPI(path);
  if (!slot || Number(slot.id) === 0) return "no clip slot below the selected one (add a scene)";
  if (Number(slot.get("has_clip")) === 0) slot.call("create_clip", beats);
  var clip = new LiveAPI(path + " clip");
  if (majorVersion(LiveAPI) >= 11) {
    try {
      clip.call("remove_notes_extended", 0, 128, 0, beats);
      clip.call("add_new_notes", {notes: notes.map(function (n) {
        return {pitch: n[0], start_time: n[1], duration: n[2], velocity: n[3], mute: 0};
      })});
      return "wrote " + notes.length + " notes";
    } catch (e) { /* fall through to the calls before Live 11 */ }
  }
  clip.call("remove_notes", 0, 0, beats, 128);
  clip.call("set_notes");
  clip.call("notes", notes.length);
  for (var i = 0; i < notes.length; i++) {
    clip.call("note", notes[i][0], notes[i][1].toFixed(4), notes[i][2].toFixed(4), notes[i][3], 0);
  }
  clip.call("done");
  return "wrote " + notes.length + " notes (pre-Live 11 calls)";
}

function createContinue(emit, LiveAPI) {
  var s = {temperature: DEFAULTS.temperature, top_p: DEFAULTS.top_p, bars: DEFAULTS.bars,
           seed: DEFAULTS.seed, online: false, silentTicks: 0, pingSeq: 0, replyPort: 9003,
           server: "", request: 0, target: null, parts: null, chunks: 0};

  function osc(address) { emit(0, [address].concat(Array.prototype.slice.call(arguments, 1))); }
  function status(text) { emit(2, ["set", text]); }
  function setOnline(on) {
    if (on === s.online) return;
    s.online = on;
    emit(1, [on ? 1 : 0]);
    status(on ? "online: " + s.server : "offline: start latentpad serve");
  }
  function received(args) {
    if (Math.round(Number(args[0])) !== s.request || !s.parts) return; // an older request's reply
    var chunk = Math.round(Number(args[1]));
    s.chunks = Math.round(Number(args[2]));
    var notes = [];
    for (var i = 3; i + 3 < args.length; i += 4) {
      notes.push([Math.round(Number(args[i])), Number(args[i + 1]), Number(args[i + 2]),
                  Math.round(Number(args[i + 3]))]);
    }
    s.parts[chunk] = notes;
    var have = 0;
    for (var k in s.parts) if (s.parts.hasOwnProperty(k)) have++;
    if (have < s.chunks) return;
    var all = [];
    for (var c = 0; c < s.chunks; c++) all = all.concat(s.parts[c] || []);
    s.parts = null;
    status(writeNotes(LiveAPI, s.target, all, s.bars * BEATS_PER_BAR) + " below");
    return all;
  }

  var api = {
    state: s,
    port: function (p) { s.replyPort = Math.round(Number(p)); },
    hello: function () { osc("/hello", s.replyPort); },
    alive: function () { // from [metro 1000]
      s.silentTicks += 1;
      if (s.silentTicks >= OFFLINE_AFTER_TICKS) setOnline(false);
      if (s.online) { s.pingSeq = (s.pingSeq + 1) & 0x7fffffff; osc("/ping", s.pingSeq); }
      else api.hello();
    },
    temperature: function (t) { s.temperature = clamp(Number(t), 0, 2); },
    top_p: function (p) { s.top_p = clamp(Number(p), 0, 1); },
    bars: function (b) { s.bars = clamp(Math.round(Number(b)), 1, 16); },
    seed: function (v) { s.seed = Math.max(0, Math.round(Number(v))); },
    // Continue pressed: read the selected clip, send it; the reply goes into the slot below
    go: function () {
      var read = readClip(LiveAPI);
      if (read.error) { status(read.error); return null; }
      var target = nextSlotPath(read.slotPath);
      if (!target) { status("select a clip in Session View"); return null; }
      if (read.notes.length > CHUNK_NOTES * MAX_CHUNKS) read.notes = read.notes.slice(-CHUNK_NOTES * MAX_CHUNKS);
      s.request = (s.request + 1) & 0x7fffffff;
      s.target = target;
      s.parts = {};
      var msgs = continueMessages(s.request, read.notes, s, read.length);
      for (var i = 0; i < msgs.length; i++) emit(0, msgs[i]);
      status("continuing " + read.notes.length + " notes by " + s.bars + " bars...");
      return msgs;
    },
    osc: function (address, args) {
      s.silentTicks = 0;
      if (address === "/hello") {
        s.server = "latentpad " + args[0] + ", preset " + args[1];
        setOnline(true);
      }
      else if (address === "/pong") setOnline(true);
      else if (address === "/melody") return received(args);
      else if (address === "/error") status("error " + args[0] + ": " + args[1]);
    }
  };
  return api;
}

var exported = {createContinue: createContinue, continueMessages: continueMessages, parseNotes: parseNotes,
                readClip: readClip, writeNotes: writeNotes, nextSlotPath: nextSlotPath, SENDS: SENDS,
                RECEIVES: RECEIVES, DEFAULTS: DEFAULTS, CHUNK_NOTES: CHUNK_NOTES};
if (typeof module !== "undefined" && module.exports) module.exports = exported;

// --- Max glue: [js continue_logic.js] ----------------------------------------------------
if (typeof outlet === "function" && typeof module === "undefined") {
  inlets = 1;
  outlets = 3;
  var melody = createContinue(function (n, args) { outlet.apply(this, [n].concat(args)); }, LiveAPI);
  var anything = function () {
    var args = arrayfromargs(arguments);
    if (messagename.charAt(0) === "/") melody.osc(messagename, args);
    else if (messagename === "continue") melody.go();
    else if (typeof melody[messagename] === "function") melody[messagename].apply(null, args);
    else post("latentpad continue: unknown message " + messagename + "\n");
  };
  var bang = function () { melody.alive(); };
}
