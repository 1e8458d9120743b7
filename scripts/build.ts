// `next build`, skipped when .next already holds a build of the same sources (`--force` builds
// anyway): Playwright's web server runs this, so the suite's second pass reuses the first's build.
import { ensureBuild } from './app-server';

ensureBuild(process.argv.includes('--force'));
