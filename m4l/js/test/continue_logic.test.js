// node --test m4l/js/test : the Continue device's logic with Max's outlet() and LiveAPI stubbed.
const test = require("node:test");
const assert = require("node:assert/strict");
const {createContinue, continueMessages, parseNotes, writeNotes, nextSlotPath, SENDS, DEFAULTS, CHUNK_NOTES} =
  require("../continue_logic.js");

// A stub of Max's LiveAPI over a fake Session: slots by path, each with an optional clip.
function liveApi({major = 12, selected = "live_set tracks 1 clip_slots 2", slots = {}, failNewApi = false} = {}) {
  const made = [];
  class LiveAPI {
    constructor(path) {
      const canonical = path === "live_set view highlighted_clip_slot" ? selected : path;
      this.where = canonical; this.calls = []; made.push(this);
      this.id = canonical && (canonical in slots || canonical.endsWith(" clip") || canonical === "live_app") ? "5" : "0";
      this.path = `"${canonical}"`; this.unquotedpath = canonical;
    }
    get(prop) {
      if (prop === "has_clip") return [slots[this.where] ? 1 : 0];
      if (prop === "length") return [slots[this.where.replace(/ clip$/, "")].length];
      return [0];
    }
    call(name, ...args) {
      this.calls.push([name, ...args]);
      if (name === "get_major_version") return major;
      if (failNewApi && /extended|add_new_notes/.test(name)) throw new Error(name);
      const clip = slots[this.where.replace(/ clip$/, "")];
      if (name === "get_notes_extended") return JSON.stringify({notes: clip.notes.map(
        ([pitch, start_time, duration, velocity, mute = 0]) => ({pitch, start_time, duration, velocity, mute}))});
      if (name === "get_notes") return ["notes", clip.notes.length, ...clip.notes.flatMap(
        ([p, s, d, v, m = 0]) => ["note", p, s, d, v, m]), "done"];
      return 0;
    }
  }
  return {LiveAPI, made};
}

const OPENING = [[62, 1, 0.5, 90], [60, 0, 1, 100], [64, 1.5, 0.5, 80], [65, 2, 2, 70, 1]]; // last one muted

function make(opts) {
  const sent = [];
  const live = liveApi(opts);
  const api = createContinue((outlet, args) => sent.push([outlet, ...args]), live.LiveAPI);
  return {api, sent, live, osc: () => sent.filter((m) => m[0] === 0).map((m) => m.slice(1)),
          status: () => sent.filter((m) => m[0] === 2).at(-1)};
}

test("clip notes are read sorted, muted ones left out, with Live 11+ and with the old call", () => {
  for (const [major, failNewApi] of [[12, false], [10, false], [12, true]]) {
    const d = make({major, failNewApi, slots: {"live_set tracks 1 clip_slots 2": {length: 4, notes: OPENING}}});
    const msgs = d.api.go();
    assert.equal(msgs.length, 1);
    assert.deepEqual(msgs[0], ["/melody/continue", 1, 0, 1, 4, 0.9, 0.9, 0, 4,
                               60, 0, 1, 100, 62, 1, 0.5, 90, 64, 1.5, 0.5, 80]);
    const clip = d.live.made.find((m) => m.where === "live_set tracks 1 clip_slots 2 clip");
    const used = clip.calls.map((c) => c[0]);
    assert.ok(used.includes(major >= 11 && !failNewApi ? "get_notes_extended" : "get_notes"), used.join());
  }
});

test("a long clip goes in chunks of CHUNK_NOTES notes, one request id, ints where the table says i", () => {
  const notes = Array.from({length: 450}, (_, i) => [60.4 + (i % 12), i * 0.25, 0.25, 99.6]);
  const msgs = continueMessages(7, notes, {bars: 8, temperature: 1.2, top_p: 0.5, seed: 3}, 112.5);
  assert.equal(msgs.length, 3);
  msgs.forEach((m, c) => assert.deepEqual(m.slice(0, 9), ["/melody/continue", 7, c, 3, 8, 1.2, 0.5, 3, 112.5]));
  assert.deepEqual(msgs.map((m) => (m.length - 9) / 4), [CHUNK_NOTES, CHUNK_NOTES, 50]);
  const tags = SENDS["/melody/continue"];
  for (const [, ...args] of msgs) {
    args.forEach((v, i) => {
      const t = i < 8 ? tags[i] : tags[8 + ((i - 8) % 4)];
      assert.ok(t === "i" ? Number.isInteger(v) : Number.isFinite(v), `${i} ${v}`);
    });
  }
  assert.deepEqual(msgs[0].slice(9, 13), [60, 0, 0.25, 100]);
});

test("the reply's chunks, in any order, go into the slot below as one clip of `bars` bars", () => {
  const d = make({slots: {"live_set tracks 1 clip_slots 2": {length: 8, notes: OPENING},
                          "live_set tracks 1 clip_slots 3": null}});
  d.api.bars(2);
  d.api.go();
  assert.equal(d.api.osc("/melody", [1, 1, 2, 67, 1, 0.5, 95]), undefined);
  assert.equal(d.api.osc("/melody", [0, 0, 1, 11, 0, 1, 95]), undefined); // an older request: ignored
  const written = d.api.osc("/melody", [1, 0, 2, 65, 0, 1, 95]);
  assert.deepEqual(written, [[65, 0, 1, 95], [67, 1, 0.5, 95]]);
  const slot = d.live.made.filter((m) => m.where === "live_set tracks 1 clip_slots 3")[0];
  assert.deepEqual(slot.calls, [["create_clip", 8]]);
  const clip = d.live.made.find((m) => m.where === "live_set tracks 1 clip_slots 3 clip");
  assert.deepEqual(clip.calls.slice(-2), [["remove_notes_extended", 0, 128, 0, 8], ["add_new_notes", {notes: [
    {pitch: 65, start_time: 0, duration: 1, velocity: 95, mute: 0},
    {pitch: 67, start_time: 1, duration: 0.5, velocity: 95, mute: 0}]}]]);
  assert.deepEqual(d.status(), [2, "set", "wrote 2 notes below"]);
});

test("an empty continuation is one datagram and clears the slot below", () => {
  const d = make({slots: {"live_set tracks 0 clip_slots 0": {length: 4, notes: OPENING},
                          "live_set tracks 0 clip_slots 1": {length: 4, notes: []}},
                  selected: "live_set tracks 0 clip_slots 0"});
  d.api.go();
  assert.deepEqual(d.api.osc("/melody", [1, 0, 1]), []);
  const clip = d.live.made.find((m) => m.where === "live_set tracks 0 clip_slots 1 clip");
  assert.deepEqual(clip.calls.at(-1), ["add_new_notes", {notes: []}]);
});

test("before Live 11 the continuation is written with the old note calls", () => {
  const notes = [[60, 0, 1, 90]];
  const {LiveAPI, made} = liveApi({major: 10, slots: {"live_set tracks 1 clip_slots 3": {length: 16, notes: []}}});
  assert.match(writeNotes(LiveAPI, "live_set tracks 1 clip_slots 3", notes, 16), /pre-Live 11/);
  const clip = made.find((m) => m.where.endsWith(" clip"));
  assert.deepEqual(clip.calls.filter((c) => c[0] !== "get_major_version"), [
    ["remove_notes", 0, 0, 16, 128], ["set_notes"], ["notes", 1], ["note", 60, "0.0000", "1.0000", 90, 0], ["done"]]);
});

test("nothing selected, an empty slot or an empty clip: a status line and nothing sent", () => {
  for (const [opts, text] of [[{selected: "nowhere"}, "select the clip to continue"],
                              [{slots: {"live_set tracks 1 clip_slots 2": null}}, "the selected slot has no clip"],
                              [{slots: {"live_set tracks 1 clip_slots 2": {length: 4, notes: [[60, 0, 1, 90, 1]]}}},
                               "the selected clip has no notes"]]) {
    const d = make(opts);
    assert.equal(d.api.go(), null);
    assert.deepEqual(d.osc(), []);
    assert.deepEqual(d.status(), [2, "set", text]);
  }
  assert.equal(nextSlotPath("live_set tracks 4 clip_slots 9"), "live_set tracks 4 clip_slots 10");
  assert.equal(nextSlotPath("live_set tracks 4"), null);
});

test("parseNotes reads both Live API shapes the same", () => {
  const dict = {notes: [{pitch: 64, start_time: 1, duration: 1, velocity: 80, mute: 0},
                        {pitch: 60, start_time: 0, duration: 1, velocity: 90, mute: 0}]};
  const old = ["notes", 2, "note", 64, 1, 1, 80, 0, "note", 60, 0, 1, 90, 0, "done"];
  assert.deepEqual(parseNotes(JSON.stringify(dict)), [[60, 0, 1, 90], [64, 1, 1, 80]]);
  assert.deepEqual(parseNotes(old), parseNotes(dict));
});

test("controls clamp; the state starts at DEFAULTS: sending each default on load changes nothing", () => {
  const d = make();
  const before = JSON.stringify(d.api.state);
  d.api.temperature(DEFAULTS.temperature); d.api.top_p(DEFAULTS.top_p); d.api.bars(DEFAULTS.bars);
  d.api.seed(DEFAULTS.seed);
  assert.equal(JSON.stringify(d.api.state), before);
  d.api.temperature(5); d.api.top_p(-1); d.api.bars(40.4); d.api.seed(12.6);
  assert.deepEqual([d.api.state.temperature, d.api.state.top_p, d.api.state.bars, d.api.state.seed], [2, 0, 16, 13]);
});

test("online/offline: /hello then silence; every address sent is declared with its types", () => {
  const d = make({slots: {"live_set tracks 1 clip_slots 2": {length: 4, notes: OPENING}}});
  d.api.hello();
  d.api.osc("/hello", ["0.1.0", "default", 16]);
  assert.equal(d.api.state.online, true);
  assert.deepEqual(d.status(), [2, "set", "online: latentpad 0.1.0, preset default"]);
  d.api.alive(); d.api.go();
  d.api.alive(); d.api.alive(); d.api.alive();
  assert.equal(d.api.state.online, false);
  const seen = new Set(d.osc().map((m) => m[0]));
  assert.deepEqual([...seen].sort(), Object.keys(SENDS).sort());
  assert.deepEqual(d.osc().find((m) => m[0] === "/hello"), ["/hello", 9003]);
  d.api.osc("/error", ["/melody/continue", "preset x has no melody model (melody.decoder)"]);
  assert.deepEqual(d.status(), [2, "set", "error /melody/continue: preset x has no melody model (melody.decoder)"]);
});
