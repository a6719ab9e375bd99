// latentpad Groove logic: pattern rows, next-bar changes, transport ticks -> notes.
// Runs in Max's [js] (ES5) and under node (tests). Live's transport drives it: the patch sends
// `tick <bars> <beats> <units>` on every 16th from [metro 16n @quantize 16n] -> [transport]
// (units in ticks, 480 per quarter) and `tempo <bpm>`; the server's clock is not used.
//
// Outlets (see m4l/src/latentpad_groove.maxpat):
//   0 OSC message to [udpsend]                 e.g. /pattern/xy 0.3 0.7
//   1 <pitch> <velocity> <delay_ms>             to [unpack] -> [pipe 0 0 0] -> [makenote] -> [noteout]
//   2 online 0|1                                to the status [led]
//   3 status text  set <words>                  to the status [live.comment]
// Assumes 4/4 (16 sixteenths a bar); a pattern is 32 steps (2 bars).

var NINST = 9;
var NSTEPS = 32;
var STEPS_PER_BAR = 16;
var TICKS_PER_16TH = 120;
var GM_NOTES = [36, 38, 42, 46, 45, 47, 50, 49, 51]; // kick snare chh ohh ltom mtom htom crash ride
var OFFLINE_AFTER_TICKS = 3;
var CLIP_BEATS = NSTEPS / 4; // the 2-bar pattern as a clip

// What each control sends on load (its `parameter_initial`), keyed by the message it drives; the
// state starts here and tests/test_m4l_conformance.py checks the dials' initial values and the
// server's own decode-time defaults (server.patterns) against it. The device sends its values
// whenever the server answers /hello, so the server always plays what the dials show.
var DEFAULTS = {"x": 0.5, "y": 0.5, "density": 0.5, "temperature": 0.0, "swing": 0.0};

var SENDS = {"/hello": "i", "/ping": "i", "/pattern/xy": "ff", "/pattern/density": "if",
             "/pattern/temperature": "f", "/pattern/swing": "f", "/pattern/fill": ""};
var RECEIVES = {"/hello": "ssi", "/pong": "i", "/pattern/row": "if", "/pattern/offset": "if",
                "/pattern/fill": "if", "/pattern/filloffset": "if", "/error": "ss"};

function zeros(n) { var a = []; for (var i = 0; i < n; i++) a.push(0); return a; }
function grid() { var g = []; for (var i = 0; i < NINST; i++) g.push(zeros(NSTEPS)); return g; }
function clamp(v, lo, hi) { return Math.min(hi, Math.max(lo, v)); }

// 1-based bars/beats as Max's [transport] reports them -> step 0..31 of the 2-bar pattern
function stepOf(bars, beats, units) {
  var sixteenth = Math.floor(Number(units) / TICKS_PER_16TH);
  var n = (Number(bars) - 1) * STEPS_PER_BAR + (Number(beats) - 1) * 4 + sixteenth;
  return ((n % NSTEPS) + NSTEPS) % NSTEPS;
}

// The notes that sound between step `step` and the next: this step's hits played late (offset
// >= 0) and the next step's hits played early (offset < 0), each with its delay in ms.
function notesAt(velocity, offset, step, sixteenthMs) {
  var out = [], next = (step + 1) % NSTEPS;
  for (var i = 0; i < NINST; i++) {
    var v = velocity[i][step], o = offset[i][step];
    if (v > 0 && o >= 0) out.push([GM_NOTES[i], Math.max(1, Math.round(v * 127)), o * sixteenthMs]);
    v = velocity[i][next]; o = offset[i][next];
    if (v > 0 && o < 0) out.push([GM_NOTES[i], Math.max(1, Math.round(v * 127)), (1 + o) * sixteenthMs]);
  }
  return out;
}

// The pattern as clip notes (beats): [pitch, start_beats, duration_beats, velocity]
function clipNotes(velocity, offset) {
  var notes = [];
  for (var i = 0; i < NINST; i++) {
    for (var t = 0; t < NSTEPS; t++) {
      if (velocity[i][t] <= 0) continue;
      var start = Math.max(0, (t + offset[i][t]) * 0.25);
      notes.push([GM_NOTES[i], start, 0.25, Math.max(1, Math.round(velocity[i][t] * 127))]);
    }
  }
  return notes;
}

function createGroove(emit) {
  var s = {velocity: grid(), offset: grid(), pendingVelocity: null, pendingOffset: null,
           tempoBpm: 120, online: false, silentTicks: 0, pingSeq: 0, replyPort: 9002,
           x: DEFAULTS.x, y: DEFAULTS.y, density: [], temperature: DEFAULTS.temperature,
           swing: DEFAULTS.swing, server: "",
           fillVelocity: null, fillOffset: null, // a fill bar waiting for the next bar line
           playVelocity: null, playOffset: null}; // this bar's grid while a fill plays
  for (var i = 0; i < NINST; i++) s.density.push(DEFAULTS.density);

  function osc(address) { emit(0, [address].concat(Array.prototype.slice.call(arguments, 1))); }
  function setOnline(on) {
    if (on === s.online) return;
    s.online = on;
    emit(2, [on ? 1 : 0]);
    emit(3, ["set", on ? "online: " + s.server : "offline: start latentpad serve"]);
  }
  function row(which, a) {
    var inst = Math.round(Number(a[0]));
    if (!(inst >= 0 && inst < NINST)) return;
    var key = which === "velocity" ? "pendingVelocity" : "pendingOffset";
    if (!s[key]) s[key] = s[which].map(function (r) { return r.slice(); });
    var values = zeros(NSTEPS);
    for (var t = 0; t < NSTEPS && t + 1 < a.length; t++) values[t] = Number(a[t + 1]);
    s[key][inst] = values;
  }
  // a fill bar (16 steps) for the next bar line, played once
  function fillRow(which, a) {
    var inst = Math.round(Number(a[0]));
    if (!(inst >= 0 && inst < NINST)) return;
    var key = which === "velocity" ? "fillVelocity" : "fillOffset";
    if (!s[key]) s[key] = grid().map(function (r) { return r.slice(0, STEPS_PER_BAR); });
    for (var t = 0; t < STEPS_PER_BAR && t + 1 < a.length; t++) s[key][inst][t] = Number(a[t + 1]);
  }
  function withFill(pattern, bar, start) {
    return pattern.map(function (r, i) {
      var out = r.slice();
      for (var t = 0; t < STEPS_PER_BAR; t++) out[start + t] = bar ? bar[i][t] : 0;
      return out;
    });
  }

  // the dials' values, then the pattern at the current XY (on connect and reconnect)
  function sendControls() {
    for (var i = 0; i < NINST; i++) osc("/pattern/density", i, s.density[i]);
    osc("/pattern/temperature", s.temperature);
    osc("/pattern/swing", s.swing);
    osc("/pattern/xy", s.x, s.y);
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
    tempo: function (bpm) { if (Number(bpm) > 0) s.tempoBpm = Number(bpm); },
    x: function (v) { s.x = clamp(Number(v), 0, 1); osc("/pattern/xy", s.x, s.y); },
    y: function (v) { s.y = clamp(Number(v), 0, 1); osc("/pattern/xy", s.x, s.y); },
    density: function (inst, d) {
      inst = clamp(Math.round(Number(inst)), 0, NINST - 1);
      s.density[inst] = clamp(Number(d), 0, 1);
      osc("/pattern/density", inst, s.density[inst]);
    },
    temperature: function (t) {
      s.temperature = clamp(Number(t), 0, 2);
      osc("/pattern/temperature", s.temperature);
    },
    swing: function (v) {
      s.swing = clamp(Number(v), 0, 1);
      osc("/pattern/swing", s.swing);
    },
    fill: function () { osc("/pattern/fill"); }, // the server answers /pattern/fill rows
    tick: function (bars, beats, units) {
      var step = stepOf(bars, beats, units);
      if (step % STEPS_PER_BAR === 0) { // a bar starts: changes land here
        if (s.pendingVelocity) { s.velocity = s.pendingVelocity; s.pendingVelocity = null; }
        if (s.pendingOffset) { s.offset = s.pendingOffset; s.pendingOffset = null; }
        s.playVelocity = s.playOffset = null;
        if (s.fillVelocity) { // this bar plays the fill, once
          s.playVelocity = withFill(s.velocity, s.fillVelocity, step);
          s.playOffset = withFill(s.offset, s.fillOffset, step);
          s.fillVelocity = s.fillOffset = null;
        }
      }
      var notes = notesAt(s.playVelocity || s.velocity, s.playOffset || s.offset, step, 60000 / s.tempoBpm / 4);
      for (var i = 0; i < notes.length; i++) emit(1, notes[i]);
      return step;
    },
    clipNotes: function () { return clipNotes(s.velocity, s.offset); },
    osc: function (address, args) {
      s.silentTicks = 0;
      if (address === "/hello") { // (re)connected: ask for the pattern at the current XY
        s.server = "latentpad " + args[0] + ", preset " + args[1];
        if (!s.online) { setOnline(true); sendControls(); }
      }
      else if (address === "/pong") setOnline(true);
      else if (address === "/pattern/row") row("velocity", args);
      else if (address === "/pattern/offset") row("offset", args);
      else if (address === "/pattern/fill") fillRow("velocity", args);
      else if (address === "/pattern/filloffset") fillRow("offset", args);
      else if (address === "/error") emit(3, ["set", "error " + args[0] + ": " + args[1]]);
    }
  };
  return api;
}

// Write notes [pitch, start_beats, duration_beats, velocity] into the highlighted clip slot's
// clip through the Live API (`LiveAPI` is Max's class; tests pass a stub). Live 11+:
// remove_notes_extended + add_new_notes with a dict; before Live 11 (or if those calls fail):
// remove_notes + set_notes/notes/note/done. Returns what it did, for the Max window.
function writeClip(LiveAPI, notes) {
  var slot = new LiveAPI("live_set view highlighted_clip_slot");
  if (!slot || Number(slot.id) === 0) return "select a clip slot first";
  if (Number(slot.get("has_clip")) === 0) slot.call("create_clip", CLIP_BEATS);
  var clip = new LiveAPI(slot.unquotedpath + " clip"); // `path` comes back in quotes
  var major = Number([].concat(new LiveAPI("live_app").call("get_major_version")).pop());
  if (major >= 11) {
    try {
      clip.call("remove_notes_extended", 0, 128, 0, CLIP_BEATS);
      var dict = {notes: notes.map(function (n) {
        return {pitch: n[0], start_time: n[1], duration: n[2], velocity: n[3], mute: 0};
      })};
      clip.call("add_new_notes", dict);
      return "wrote " + notes.length + " notes";
    } catch (e) { /* fall through to the calls before Live 11 */ }
  }
  clip.call("remove_notes", 0, 0, CLIP_BEATS, 128);
  clip.call("set_notes");
  clip.call("notes", notes.length);
  for (var i = 0; i < notes.length; i++) {
    clip.call("note", notes[i][0], notes[i][1].toFixed(4), notes[i][2].toFixed(4), notes[i][3], 0);
  }
  clip.call("done");
  return "wrote " + notes.length + " notes (pre-Live 11 calls)";
}

var exported = {createGroove: createGroove, stepOf: stepOf, notesAt: notesAt, clipNotes: clipNotes,
                writeClip: writeClip, SENDS: SENDS, RECEIVES: RECEIVES, GM_NOTES: GM_NOTES,
                NSTEPS: NSTEPS, NINST: NINST, DEFAULTS: DEFAULTS};
if (typeof module !== "undefined" && module.exports) module.exports = exported;

// --- Max glue: [js groove_logic.js] ------------------------------------------------------
if (typeof outlet === "function" && typeof module === "undefined") {
  inlets = 1;
  outlets = 4;
  var groove = createGroove(function (n, args) { outlet.apply(this, [n].concat(args)); });
  var writeclip = function () { post("latentpad groove: " + writeClip(LiveAPI, groove.clipNotes()) + "\n"); };
  var anything = function () {
    var args = arrayfromargs(arguments);
    if (messagename.charAt(0) === "/") groove.osc(messagename, args);
    else if (messagename === "writeclip") writeclip();
    else if (typeof groove[messagename] === "function") groove[messagename].apply(null, args);
    else post("latentpad groove: unknown message " + messagename + "\n");
  };
  var bang = function () { groove.alive(); };
}
