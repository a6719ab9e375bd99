// node --test m4l/js/test : the Groove's logic with Max's outlet() replaced by a recorder.
const test = require("node:test");
const assert = require("node:assert/strict");
const {createGroove, stepOf, notesAt, clipNotes, SENDS, GM_NOTES, NSTEPS} = require("../groove_logic.js");

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
  const seen = new Set();
  for (const [, address, ...args] of d.sent.filter((m) => m[0] === 0)) {
    const want = SENDS[address];
    assert.ok(want, address);
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
  d.clear();
  d.api.osc("/hello", ["0.1.0", "default", 16]);
  assert.equal(d.api.state.online, true);
  assert.deepEqual(d.sent.filter((m) => m[0] === 0), [[0, "/pattern/xy", 0.5, 0.5]]);
});
