// Summarises a V8 .cpuprofile (from `node --cpu-prof`, e.g. BENCH_CPU_PROF in the HTTP bench):
// the functions with the most self time, and self time per package or app file. Usage:
//   npx tsx scripts/cpu-profile-top.ts <file.cpuprofile> [rows=40]
import { readFileSync } from 'node:fs';

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const [file, rowsArg] = process.argv.slice(2);
if (!file) throw new Error('usage: cpu-profile-top.ts <file.cpuprofile> [rows]');
const rows = Number(rowsArg ?? 40);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));

const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
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

const functions = new Map<string, number>();
const places = new Map<string, number>();
for (const [id, us] of selfUs) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const place = placeOf(url, functionName);
  const key = `${functionName || '(anonymous)'}  ${place}:${lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + us);
  places.set(place, (places.get(place) ?? 0) + us);
}
console.log(`${file}: ${(totalUs / 1000).toFixed(0)} ms sampled`);
table('self time by function', functions);
table('self time by package / file', places);
