// Summarises a V8 .cpuprofile (from `node --cpu-prof`, e.g. BENCH_CPU_PROF in the HTTP bench):
// the functions with the most self time, self time per package or app file, and the frames with
// the most time under them (inclusive). Usage:
//   npx tsx scripts/cpu-profile-top.ts <file.cpuprofile> [rows=40] [--last <seconds>]
// `--last 11` keeps only the samples of the profile's last 11 s: the bench's last case (e.g.
// BENCH_HTTP_CASES=cash, whose window follows the baseline's), without start-up and the baseline.
import { readFileSync } from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const args = process.argv.slice(2);
const lastAt = args.indexOf('--last');
const lastSeconds = lastAt >= 0 ? Number(args.splice(lastAt, 2)[1]) : undefined;
const [file, rowsArg] = args;
if (!file) throw new Error('usage: cpu-profile-top.ts <file.cpuprofile> [rows] [--last <seconds>]');
const rows = Number(rowsArg ?? 40);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

// A sample's time is the delta to the next one; the window is the profile's last `lastSeconds`.
const from = lastSeconds === undefined ? -Infinity : profile.endTime - lastSeconds * 1e6;
const selfUs = new Map<number, number>();
let at = profile.startTime;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i] ?? 0;
  if (at >= from) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
});
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);

/** Where a frame's code lives: a package name, an app source path, or the V8/Node bucket. */
function placeOf(url: string, functionName: string): string {
  if (!url) return `(${functionName || 'native'})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return url;
  const chunk = /\.next\/server\/(.*)$/.exec(url);
  return chunk ? `.next/${chunk[1]}` : url.replace(/^file:\/\/.*?\/(app|lib|db|components)\//, '$1/');
}

const table = (title: string, entries: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, us] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    console.log(`${((us / totalUs) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`);
  }
};

const frameName = (id: number) => {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  return `${functionName || '(anonymous)'}  ${placeOf(url, functionName)}:${lineNumber + 1}`;
};
const functions = new Map<string, number>();
const places = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, us] of selfUs) {
  const { functionName, url } = byId.get(id)!.callFrame;
  const place = placeOf(url, functionName);
  functions.set(frameName(id), (functions.get(frameName(id)) ?? 0) + us);
  places.set(place, (places.get(place) ?? 0) + us);
  // Each frame on the stack once, however often it recurses.
  const onStack = new Set<string>();
  for (let frame: number | undefined = id; frame !== undefined; frame = parentOf.get(frame)) onStack.add(frameName(frame));
  for (const name of onStack) inclusive.set(name, (inclusive.get(name) ?? 0) + us);
}
console.log(`${file}: ${(totalUs / 1000).toFixed(0)} ms sampled${lastSeconds === undefined ? '' : ` in its last ${lastSeconds} s`}`);
table('self time by function', functions);
table('self time by package / file', places);
table('time under each frame (inclusive)', inclusive);
