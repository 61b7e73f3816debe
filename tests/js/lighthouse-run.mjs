// One Lighthouse run through its Node API, as its documentation shows ("Using programmatically",
// github.com/GoogleChrome/lighthouse/blob/main/docs/readme.md): Chrome launched by chrome-launcher, the
// JSON report written, Chrome killed, then exit. The `lighthouse` command does the same, but its process
// lingers about 3 s after it has killed Chrome, which the tests and `make bench` waited for at every run.
//
// Usage: node lighthouse-run.mjs URL mobile|desktop REPORT.json CATEGORY...
// Chrome is the one CHROME_PATH names (chrome-launcher reads it).
import fs from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const [url, formFactor, reportPath, ...categories] = process.argv.slice(2);
if (!url || !['mobile', 'desktop'].includes(formFactor) || !reportPath) {
  console.error('usage: node lighthouse-run.mjs URL mobile|desktop REPORT.json CATEGORY...');
  process.exit(2);
}

const chrome = await chromeLauncher.launch({chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu']});
let status = 1;
try {
  const flags = {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: categories.length ? categories : undefined,
    maxWaitForLoad: 30000,
    // pictures of the page, which no score uses: the long page's full-page screenshot takes seconds
    disableFullPageScreenshot: true,
    skipAudits: ['screenshot-thumbnails', 'final-screenshot'],
  };
  // (without a config Lighthouse runs its default one, the mobile form factor, as `--form-factor=mobile`)
  const result = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
  fs.writeFileSync(reportPath, result.report);
  status = 0;
} catch (error) {
  console.error(error && error.stack || String(error));
} finally {
  await chrome.kill();
}
process.exit(status);
