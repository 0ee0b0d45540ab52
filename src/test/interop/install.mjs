// Installs the JavaScript clients that the interop tests drive (run by the Maven build in
// process-test-resources; safe to run by hand). Does nothing when node_modules is already up to date, so
// a rebuild costs a few milliseconds.
//
// 1. `npm ci` for the packages in package-lock.json, when node_modules/.package-lock.json (which npm
//    writes after an install) does not list the same packages.
// 2. The prebuilt OHIF Viewer: the @ohif/app tarball ships it in dist/, but the package cannot be installed
//    as a dependency because it names versions of @ohif/i18n and @ohif/ui that were never published. So its
//    tarball is fetched with `npm pack` (same registry, cache and proxy settings as npm ci), checked against
//    the integrity pinned in package.json ("viewer"), and unpacked into node_modules/@ohif/app.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function lockedPackages(lockFile) {
  if (!existsSync(lockFile)) {
    return null;
  }
  const entries = Object.entries(readJson(lockFile).packages ?? {})
    .filter(([path]) => path !== '')
    .map(([path, meta]) => `${path}@${meta.version}#${meta.integrity ?? ''}`);
  return entries.sort().join('\n');
}

function installPackages() {
  const wanted = lockedPackages(join(here, 'package-lock.json'));
  const installed = lockedPackages(join(here, 'node_modules', '.package-lock.json'));
  if (wanted !== null && wanted === installed) {
    return false;
  }
  // --ignore-scripts: nothing here needs an install script (playwright-core never downloads a browser:
  // the tests use the system Chromium).
  execFileSync(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
  return true;
}

function installViewer() {
  const { package: name, version, integrity } = readJson(join(here, 'package.json')).viewer;
  const target = join(here, 'node_modules', ...name.split('/'));
  const manifest = join(target, 'package.json');
  if (existsSync(manifest) && readJson(manifest).version === version && existsSync(join(target, 'dist', 'index.html'))) {
    return false;
  }
  const work = mkdtempSync(join(tmpdir(), 'ohif-pack-'));
  try {
    const packed = JSON.parse(
      execFileSync(npm, ['pack', `${name}@${version}`, '--json', '--pack-destination', work], {
        cwd: here,
        stdio: ['ignore', 'pipe', 'inherit'],
      }).toString('utf8'),
    );
    const tarball = join(work, packed[0].filename);
    const [algorithm, expected] = integrity.split(/-(.*)/s);
    const actual = createHash(algorithm).update(readFileSync(tarball)).digest('base64');
    if (actual !== expected) {
      throw new Error(`${name}@${version}: tarball integrity ${algorithm}-${actual} differs from the pinned ${integrity}`);
    }
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], { stdio: 'inherit' });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (!existsSync(join(target, 'dist', 'index.html'))) {
    throw new Error(`${name}@${version} has no dist/index.html`);
  }
  return true;
}

const packages = installPackages();
const viewer = installViewer();
console.log(`interop clients: ${packages ? 'installed' : 'up to date'}; OHIF Viewer: ${viewer ? 'installed' : 'up to date'}`);
