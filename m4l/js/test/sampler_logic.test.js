// node --test m4l/js/test : the Sampler's logic with Max's outlet() replaced by a recorder.
const test = require("node:test");
const assert = require("node:assert/strict");
const {createSampler, SENDS, CLASSES, FIRST_NOTE, DEFAULTS, READ_TIMEOUT_TICKS} = require("../sampler_logic.js");

function make() {
  const sent = [];
  const api = createSampler((outlet, args) => sent.push([outlet, ...args]));
  return {api, sent, osc: () => sent.filter((m) => m[0] === 0).map((m) => m.slice(1)),
          clear: () => sent.splice(0)};
}

function tags(args) {
  return args.map((v) => (typeof v === "string" ? "s" : Number.isInteger(v) ? "i" : "f")).join("");
}

// Does an argument list fit one signature? i: an int; f: any finite number (Max sends a whole
// float as an int, the server takes it); s: a string.
function fits(signature, args) {
  return signature.length === args.length && [...signature].every((t, i) =>
    t === "i" ? Number.isInteger(args[i]) : t === "f" ? Number.isFinite(args[i]) : typeof args[i] === "string");
}

test("hello carries Live's sample rate and the reply port", () => {
  const d = make();
  d.api.samplerate(48000);
  assert.deepEqual(d.osc(), [["/hello", 9001, 48000]]);
  d.clear();
  d.api.samplerate(12345); // not a rate the server resamples to: leave it off
  assert.deepEqual(d.osc(), [["/hello", 9001]]);
});

test("every message sent fits one of its SENDS signatures, and every signature is sent", () => {
  const d = make();
  d.api.samplerate(44100); d.api.tick(); d.api.osc("/hello", ["0.1.0", "default", 16]);
  d.api.tick(); d.api.select(5); d.api.x(0.25); d.api.y(1); d.api.spread(1.5); d.api.random();
  d.api.randomclass(2); d.api.random(); d.api.vary();
  d.api.transformclass(7); d.api.strength(0.75); d.api.transform();
  d.api.humanize(0.4); d.api.played(FIRST_NOTE + 3, 90);
  d.api.morpha(2); d.api.morphb(3); d.api.morpht(0.5); d.api.morph(); d.api.scene(4);
  d.api.store(); d.api.glide(250); d.api.recall();
  const seen = new Set();
  for (const [address, ...args] of d.osc()) {
    assert.ok(SENDS[address], `unexpected address ${address}`);
    const signature = SENDS[address].split("|").find((sig) => fits(sig, args));
    assert.ok(signature, `${address} ${JSON.stringify(args)} fits none of ${SENDS[address]}`);
    seen.add(`${address} ${signature}`);
  }
  const declared = Object.entries(SENDS).flatMap(([a, sigs]) => sigs.split("|").map((sig) => `${a} ${sig}`));
  assert.deepEqual([...seen].sort(), declared.sort());
});

test("random: any class sends pad spread, a class from the menu adds its name", () => {
  const d = make();
  d.api.select(2); d.api.spread(0.5);
  d.api.random();
  d.api.randomclass(1); d.api.random(); // menu item 1 = the first class
  d.api.randomclass(CLASSES.length); d.api.random();
  d.api.randomclass(0); d.api.random(); // back to any
  assert.deepEqual(d.osc(), [["/pad/random", 2, 0.5], ["/pad/random", 2, 0.5, "kick"],
                             ["/pad/random", 2, 0.5, "percussion"], ["/pad/random", 2, 0.5]]);
  assert.equal(CLASSES.length, 8);
});

test("transform sends the selected pad, the To class and the strength", () => {
  const d = make();
  d.api.select(4);
  d.api.transform(); // defaults: the first class, half way
  d.api.transformclass(1); d.api.strength(0.9); d.api.transform();
  d.api.transformclass(99); d.api.strength(3); d.api.transform(); // clamped to the menu and 0..1
  assert.deepEqual(d.osc(), [["/pad/transform", 4, "kick", 0.5], ["/pad/transform", 4, "snare", 0.9],
                             ["/pad/transform", 4, "percussion", 1]]);
});

test("humanize: with an amount, every played note of a pad asks for that pad's variation", () => {
  const d = make();
  d.api.played(FIRST_NOTE, 100); // off by default: nothing
  assert.deepEqual(d.osc(), []);
  d.api.humanize(0.3);
  d.api.played(FIRST_NOTE, 100); d.api.played(FIRST_NOTE + 15, 1); d.api.played(FIRST_NOTE, 64);
  assert.deepEqual(d.osc(), [["/pad/vary", 0, 0.3], ["/pad/vary", 15, 0.3], ["/pad/vary", 0, 0.3]]);
  d.clear();
  d.api.humanize(5);
  d.api.played(FIRST_NOTE + 7, 127);
  assert.deepEqual(d.osc(), [["/pad/vary", 7, 2]]); // clamped to the protocol's 0..2
  d.clear();
  d.api.humanize(0);
  d.api.played(FIRST_NOTE + 7, 127);
  assert.deepEqual(d.sent, []); // 0 = off again
});

test("humanize ignores note-offs (velocity 0) and notes outside the 16 pads", () => {
  const d = make();
  d.api.humanize(1);
  d.api.played(FIRST_NOTE + 2, 0);
  d.api.played(FIRST_NOTE - 1, 100);
  d.api.played(FIRST_NOTE + 16, 100);
  d.api.played(127, 100);
  assert.deepEqual(d.sent, []);
  d.api.played(FIRST_NOTE + 2, 100);
  assert.deepEqual(d.osc(), [["/pad/vary", 2, 1]]);
});

test("the Vary button keeps its own amount, apart from Humanize", () => {
  const d = make();
  d.api.select(1); d.api.varyamount(1.5); d.api.humanize(0.2);
  d.api.vary(); d.api.played(FIRST_NOTE + 1, 100);
  assert.deepEqual(d.osc(), [["/pad/vary", 1, 1.5], ["/pad/vary", 1, 0.2]]);
});

test("a fresh render loads into the slot that is not playing, then swaps on loaded", () => {
  const d = make();
  d.api.osc("/sample", [3, "/r/pad03_1.wav", 1]);
  assert.deepEqual(d.sent, [[2, 6, "stop"], [1, 6, "replace", "/r/pad03_1.wav"]]);
  d.clear();
  d.api.loaded(3, 0);
  assert.deepEqual(d.sent, [[3, 3, 1]]); // gate 1 -> buffer a
  d.clear();
  d.api.osc("/sample", [3, "/r/pad03_2.wav", 2]);
  assert.deepEqual(d.sent, [[2, 7, "stop"], [1, 7, "replace", "/r/pad03_2.wav"]]);
  d.clear();
  d.api.loaded(3, 0); // a stray bang from the live buffer: no swap
  assert.deepEqual(d.sent, []);
  d.api.loaded(3, 1);
  assert.deepEqual(d.sent, [[3, 3, 2]]);
  assert.equal(d.api.state.live[3], 1);
});

test("two renders while one buffer~ is reading: swap only after the last read", () => {
  const d = make();
  d.api.osc("/sample", [2, "/r/one.wav", 1]);
  d.api.osc("/sample", [2, "/r/two.wav", 2]); // same idle buffer, still reading the first
  d.clear();
  d.api.loaded(2, 0); // the first read's bang: the buffer~ is reading two.wav now
  assert.deepEqual(d.sent, []);
  d.api.loaded(2, 0);
  assert.deepEqual(d.sent, [[3, 2, 1]]);
});

test("an older render arriving late is ignored", () => {
  const d = make();
  d.api.osc("/sample", [0, "/r/b.wav", 5]);
  d.clear();
  d.api.osc("/sample", [0, "/r/a.wav", 4]);
  assert.deepEqual(d.sent, []);
});

test("audition plays the selected pad's note through the MIDI path", () => {
  const d = make();
  d.api.select(15);
  d.api.audition(100);
  assert.deepEqual(d.sent, [[4, FIRST_NOTE + 15, 100]]);
});

test("offline after 3 silent ticks, re-announces, back online on /hello and re-renders pads", () => {
  const d = make();
  d.api.samplerate(48000);
  d.api.osc("/hello", ["0.1.0", "default", 16]);
  assert.equal(d.api.state.online, true);
  assert.equal(d.osc().filter((m) => m[0] === "/pad/render").length, 16);
  d.clear();
  d.api.tick(); d.api.tick(); d.api.tick();
  assert.equal(d.api.state.online, false);
  assert.deepEqual(d.sent.filter((m) => m[0] === 5), [[5, 0]]);
  assert.deepEqual(d.osc().at(-1), ["/hello", 9001, 48000]); // re-announce while offline
  d.clear();
  d.api.osc("/hello", ["0.1.0", "default", 16]);
  assert.deepEqual(d.sent.filter((m) => m[0] === 5), [[5, 1]]);
});

test("values are clamped to the protocol ranges", () => {
  const d = make();
  d.api.select(99); d.api.x(2); d.api.y(-1);
  assert.deepEqual(d.osc().at(-1), ["/pad/xy", 15, 1, 0]);
  d.api.spread(9); d.api.random();
  assert.deepEqual(d.osc().at(-1), ["/pad/random", 15, 4]);
  assert.equal(tags(d.osc().at(-1).slice(1)), "ii"); // JS numbers: Max sends 4 as int; server takes it
});

test("the state starts at DEFAULTS: sending every control's default on load changes nothing", () => {
  const d = make();
  const before = JSON.stringify(d.api.state);
  for (const [message, value] of Object.entries(DEFAULTS)) d.api[message](value);
  assert.equal(JSON.stringify(d.api.state), before);
  assert.deepEqual(d.sent, []); // nothing re-rendered, nothing sent
  d.api.x(0.25); d.api.x(0.25); // a real move is sent once
  assert.deepEqual(d.osc(), [["/pad/xy", 0, 0.25, 0.5]]);
  // the values the issue found wrong when the dials started at their minimum
  assert.deepEqual([d.api.state.spread, d.api.state.vary, d.api.state.morphT, d.api.state.morphB],
                   [1.0, 0.3, 0.5, 1]);
});

test("a pad whose buffer~ read fails does not stick: it gives up after the timeout", () => {
  const d = make();
  const gates = () => d.sent.filter((m) => m[0] === 3).map((m) => m.slice(1));
  d.api.osc("/sample", [4, "/tmp/a.wav", 1]);
  d.api.loaded(4, 0);
  assert.deepEqual(gates(), [[4, 1]]); // slot a is live
  d.clear();
  d.api.osc("/sample", [4, "/tmp/b.wav", 2]); // this read fails: no loaded bang ever comes
  for (let t = 0; t < READ_TIMEOUT_TICKS; t++) d.api.tick();
  assert.equal(d.api.state.reading[4], 0);
  assert.equal(d.api.state.pending[4], -1);
  assert.deepEqual(d.sent.filter((m) => m[0] === 6).at(-1), [6, "set", "pad 5: sample did not load"]);
  assert.deepEqual(gates(), []); // the pad kept playing its loaded sample
  d.api.loaded(4, 1); // a bang from the failed read arriving late is ignored
  assert.deepEqual(gates(), []);
  d.api.osc("/sample", [4, "/tmp/c.wav", 3]); // the next render swaps as normal
  d.api.loaded(4, 1);
  assert.deepEqual(gates(), [[4, 2]]);
});

test("a slow read is not given up before the timeout", () => {
  const d = make();
  d.api.osc("/sample", [2, "/tmp/a.wav", 1]);
  for (let t = 0; t < READ_TIMEOUT_TICKS - 1; t++) d.api.tick();
  d.api.loaded(2, 0);
  assert.deepEqual(d.sent.filter((m) => m[0] === 3).map((m) => m.slice(1)), [[2, 1]]);
});

test("status line: the server's version and preset when online, then the last /error", () => {
  const d = make();
  const status = () => d.sent.filter((m) => m[0] === 6).at(-1);
  d.api.osc("/hello", ["0.1.0", "default", 16]);
  assert.deepEqual(status(), [6, "set", "online: latentpad 0.1.0, preset default"]);
  d.api.osc("/error", ["/pad/transform", "preset has no prior"]);
  d.api.osc("/pong", [1]); // staying online does not wipe the error
  assert.deepEqual(status(), [6, "set", "error /pad/transform: preset has no prior"]);
});
