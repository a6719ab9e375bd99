// node --test m4l/js/test : the Groove's logic with Max's outlet() replaced by a recorder.
const test = require("node:test");
const assert = require("node:assert/strict");
const {createGroove, stepOf, notesAt, clipNotes, writeClip, SENDS, GM_NOTES, NSTEPS, DEFAULTS} =
  require("../groove_logic.js");

function make() {
  const sent = [];
  const api = createGroove((outlet, args) => sent.push([outlet, ...args]));
  return {api, sent, notes: () => sent.filter((m) => m[0] === 1).map((m) => m.slice(1)),
          clear: () => sent.splice(0)};
}
const row = (inst, values) => [inst, ...values];
const steps = (hits) => Array.from({length: NSTEPS}, (_, t) => hits[t] ?? 0);

test("transport position maps to the 32-step pattern", () => {
  assert.equal(stepOf(1, 1, 0), 0);
  assert.equal(stepOf(1, 2, 120), 5);
  assert.equal(stepOf(2, 1, 0), 16);
  assert.equal(stepOf(3, 1, 0), 0); // two bars a pattern
  assert.equal(stepOf(2, 4, 479), 31);
});

test("new rows land on the next bar, not mid-bar", () => {
  const d = make();
  d.api.osc("/pattern/row", row(0, steps({0: 1, 4: 0.5})));
  d.api.tick(1, 2, 0); // step 4, mid-bar: old (empty) pattern still plays
  assert.deepEqual(d.notes(), []);
  d.api.tick(2, 1, 0); // bar 2 starts: the new rows apply (step 16 is empty)
  d.api.tick(3, 2, 0); // step 4 of the next cycle
  assert.deepEqual(d.notes(), [[36, 64, 0]]);
});

test("micro-offsets: late hits delayed, early hits played from the step before", () => {
  const vel = GM_NOTES.map(() => steps({}));
  const off = GM_NOTES.map(() => steps({}));
  vel[1][2] = 1; off[1][2] = 0.25;  // snare at step 2, a quarter of a 16th late
  vel[2][4] = 0.5; off[2][4] = -0.5; // hat at step 4, half a 16th early
  assert.deepEqual(notesAt(vel, off, 2, 125), [[38, 127, 31.25]]);
  assert.deepEqual(notesAt(vel, off, 3, 125), [[42, 64, 62.5]]);
  assert.deepEqual(notesAt(vel, off, 4, 125), []);
});

test("tempo sets the 16th length used for delays", () => {
  const d = make();
  d.api.tempo(60); // 16th = 250 ms
  d.api.osc("/pattern/row", row(0, steps({0: 1})));
  d.api.osc("/pattern/offset", row(0, steps({0: 0.5})));
  d.api.tick(1, 1, 0);
  assert.deepEqual(d.notes(), [[36, 127, 125]]);
});

test("controls send the table's addresses with ints where it says i", () => {
  const d = make();
  d.api.hello(); d.api.alive(); d.api.osc("/hello", ["0.1.0", "default", 16]); d.api.alive();
  d.api.x(0.3); d.api.y(0.7); d.api.density(8, 0.4); d.api.temperature(1.5);
  d.api.swing(0.4); d.api.fill();
  const seen = new Set();
  for (const [, address, ...args] of d.sent.filter((m) => m[0] === 0)) {
    const want = SENDS[address];
    assert.ok(address in SENDS, address);
    seen.add(address);
    assert.equal(args.length, want.length, address);
    args.forEach((v, i) => assert.ok(want[i] === "i" ? Number.isInteger(v) : Number.isFinite(v)));
  }
  assert.deepEqual([...seen].sort(), Object.keys(SENDS).sort());
});

test("clip notes: one per hit, start in beats with the offset, velocity 1..127", () => {
  const vel = GM_NOTES.map(() => steps({}));
  const off = GM_NOTES.map(() => steps({}));
  vel[0][0] = 1; vel[0][8] = 0.5; off[0][8] = -0.2; vel[8][31] = 0.01;
  assert.deepEqual(clipNotes(vel, off), [[36, 0, 0.25, 127], [36, (8 - 0.2) * 0.25, 0.25, 64],
                                         [51, 7.75, 0.25, 1]]);
});

test("offline after 3 silent alive ticks; /hello again brings it back", () => {
  const d = make();
  d.api.osc("/hello", ["0.1.0", "default", 16]);
  d.api.alive(); d.api.alive(); d.api.alive();
  assert.equal(d.api.state.online, false);
  assert.deepEqual(d.sent.filter((m) => m[0] === 0).at(-1), [0, "/hello", 9002]);
  d.api.density(3, 0.8); d.api.temperature(1.25); d.api.x(0.2); // moved while offline
  d.clear();
  d.api.osc("/hello", ["0.1.0", "default", 16]);
  assert.equal(d.api.state.online, true);
  // back online: the dials' values first, then the pattern at the current XY
  const density = GM_NOTES.map((_, i) => [0, "/pattern/density", i, i === 3 ? 0.8 : 0.5]);
  assert.deepEqual(d.sent.filter((m) => m[0] === 0),
                   [...density, [0, "/pattern/temperature", 1.25], [0, "/pattern/swing", 0],
                    [0, "/pattern/xy", 0.2, 0.5]]);
});

test("the state starts at DEFAULTS: sending every control's default on load changes nothing", () => {
  const d = make();
  const before = JSON.stringify(d.api.state);
  d.api.x(DEFAULTS.x); d.api.y(DEFAULTS.y); d.api.temperature(DEFAULTS.temperature);
  d.api.swing(DEFAULTS.swing);
  GM_NOTES.forEach((_, i) => d.api.density(i, DEFAULTS.density));
  assert.equal(JSON.stringify(d.api.state), before);
  assert.deepEqual(d.api.state.density, GM_NOTES.map(() => DEFAULTS.density));
});

// A stub of Max's LiveAPI: records every object made and every call; `path` comes back quoted as
// Max returns it, `unquotedpath` without the quotes.
function liveApi({major = 12, hasClip = 0, slotId = 7, failNewApi = false} = {}) {
  const made = [];
  class LiveAPI {
    constructor(path) {
      this.where = path; this.calls = []; made.push(this);
      this.id = path === "live_set view highlighted_clip_slot" ? String(slotId) : "3";
      const canonical = path === "live_set view highlighted_clip_slot" ? "live_set tracks 1 clip_slots 2" : path;
      this.path = `"${canonical}"`; this.unquotedpath = canonical;
    }
    get(prop) { return prop === "has_clip" ? [hasClip] : [0]; }
    call(name, ...args) {
      this.calls.push([name, ...args]);
      if (name === "get_major_version") return major;
      if (failNewApi && (name === "add_new_notes" || name === "remove_notes_extended")) throw new Error(name);
      return 0;
    }
  }
  return {LiveAPI, made};
}
const NOTES = [[36, 0, 0.25, 127], [38, 1.05, 0.25, 64]];

test("write clip: Live 11+ note API with a dict, on the clip at the slot's unquoted path", () => {
  const {LiveAPI, made} = liveApi({hasClip: 0});
  assert.equal(writeClip(LiveAPI, NOTES), "wrote 2 notes");
  const [slot] = made;
  assert.deepEqual(slot.calls, [["create_clip", 8]]);
  const clip = made.find((m) => m.where.endsWith(" clip"));
  assert.equal(clip.where, "live_set tracks 1 clip_slots 2 clip"); // no quotes in the path
  assert.deepEqual(clip.calls, [
    ["remove_notes_extended", 0, 128, 0, 8],
    ["add_new_notes", {notes: [
      {pitch: 36, start_time: 0, duration: 0.25, velocity: 127, mute: 0},
      {pitch: 38, start_time: 1.05, duration: 0.25, velocity: 64, mute: 0}]}]]);
});

test("write clip: before Live 11, or when the new calls fail, the old calls are the fallback", () => {
  for (const opts of [{major: 10, hasClip: 1}, {major: 12, hasClip: 1, failNewApi: true}]) {
    const {LiveAPI, made} = liveApi(opts);
    assert.match(writeClip(LiveAPI, NOTES), /pre-Live 11/);
    assert.deepEqual(made[0].calls, []); // the slot had a clip: none created
    const clip = made.find((m) => m.where.endsWith(" clip"));
    const old = clip.calls.filter((c) => !c[0].includes("extended") && c[0] !== "add_new_notes");
    assert.deepEqual(old, [["remove_notes", 0, 0, 8, 128], ["set_notes"], ["notes", 2],
                           ["note", 36, "0.0000", "0.2500", 127, 0], ["note", 38, "1.0500", "0.2500", 64, 0],
                           ["done"]]);
  }
});

test("write clip with no clip slot selected does nothing", () => {
  const {LiveAPI, made} = liveApi({slotId: 0});
  assert.equal(writeClip(LiveAPI, NOTES), "select a clip slot first");
  assert.deepEqual(made.flatMap((m) => m.calls), []);
});

test("status line: the server's version and preset when online, then the last /error", () => {
  const d = make();
  const status = () => d.sent.filter((m) => m[0] === 3).at(-1);
  d.api.osc("/hello", ["0.1.0", "default", 16]);
  assert.deepEqual(status(), [3, "set", "online: latentpad 0.1.0, preset default"]);
  d.api.osc("/error", ["/pattern/xy", "no groove model"]);
  d.api.osc("/pong", [1]);
  assert.deepEqual(status(), [3, "set", "error /pattern/xy: no groove model"]);
});

test("a fill plays in the next bar once, then the pattern again", () => {
  const d = make();
  d.api.osc("/pattern/row", row(0, steps({0: 1, 16: 1})));
  d.api.tick(1, 1, 0); // bar 1: the kick pattern is in
  d.clear();
  d.api.fill();
  assert.deepEqual(d.sent, [[0, "/pattern/fill"]]);
  d.api.osc("/pattern/fill", [1, ...Array.from({length: 16}, (_, t) => (t === 0 || t === 12 ? 1 : 0))]);
  d.api.osc("/pattern/filloffset", [1, ...Array.from({length: 16}, () => 0)]);
  d.clear();
  d.api.tick(1, 4, 0); // step 12, still bar 1: no fill yet
  assert.deepEqual(d.notes(), []);
  d.api.tick(2, 1, 0); // bar 2 (step 16): the fill's snare replaces the kick
  d.api.tick(2, 4, 0); // step 28 = fill step 12
  assert.deepEqual(d.notes(), [[38, 127, 0], [38, 127, 0]]);
  d.clear();
  d.api.tick(3, 1, 0); // the next bar: the pattern again
  assert.deepEqual(d.notes(), [[36, 127, 0]]);
});

test("swing sends /pattern/swing clamped, and is sent again on connect", () => {
  const d = make();
  d.api.swing(1.7);
  assert.deepEqual(d.sent.at(-1), [0, "/pattern/swing", 1]);
  d.clear();
  d.api.osc("/hello", ["0.1.0", "default", 16]);
  assert.ok(d.sent.some((m) => m[1] === "/pattern/swing" && m[2] === 1));
});
