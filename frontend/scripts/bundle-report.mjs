// Measures the JavaScript a browser must load before the login page and the
// case list can render (entry chunk, its static imports, and the route chunk),
// gzipped, and fails the build above the budget. Writes dist/bundle-report.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 250 * 1024;
const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8'));
const gz = (file) => gzipSync(readFileSync(`dist/${file}`), { level: 9 }).length;

function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return seen;
  seen.add(key);
  for (const imp of chunk.imports ?? []) closure(imp, seen);
  return seen;
}

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const routes = { login: 'src/app/routes/login.tsx', 'case list': 'src/app/routes/cases-list.tsx' };
const report = { budget_bytes: BUDGET, screens: {} };
let failed = false;
for (const [name, routeKey] of Object.entries(routes)) {
  const keys = closure(entryKey);
  closure(routeKey, keys);
  const files = [...keys].map((k) => manifest[k]?.file).filter((f) => f && f.endsWith('.js'));
  const bytes = files.reduce((sum, f) => sum + gz(f), 0);
  report.screens[name] = { gzip_bytes: bytes, files };
  const line = `${name.padEnd(10)} initial JS ${(bytes / 1024).toFixed(1)} KB gzipped (budget ${BUDGET / 1024} KB)`;
  console.log(line);
  if (bytes > BUDGET) failed = true;
}
writeFileSync('dist/bundle-report.json', JSON.stringify(report, null, 2));
if (failed) {
  console.error('bundle budget exceeded');
  process.exit(1);
}
