// Renders each truth CV (JSON Resume) with each theme named on the command line into html/ID__THEME.html.
// Old themes read `company`/`website` for a job and `organization` for volunteering: both are filled
// in from the current schema's `name`/`url`. Arabic CVs get dir="rtl" as a browser user would set it.
const fs = require('fs'), path = require('path');
const themes = process.argv.slice(2);
const truthDir = process.env.TRUTH_DIR;
const ids = (process.env.IDS || '').split(/\s+/).filter(Boolean);
fs.mkdirSync('html', { recursive: true });
(async () => {
  for (const t of themes) {
    const theme = require(path.resolve('node_modules', 'jsonresume-theme-' + t));
    for (const f of fs.readdirSync(truthDir)) {
      const id = f.replace('.json', '');
      if (ids.length && !ids.includes(id)) continue;
      const r = JSON.parse(fs.readFileSync(path.join(truthDir, f)));
      for (const w of r.work || []) {
        if (w.company === undefined) w.company = w.name;
        if (w.website === undefined && w.url) w.website = w.url;
      }
      for (const v of r.volunteer || []) if (v.organization === undefined) v.organization = v.name;
      let html = await theme.render(r);
      if (r.meta && r.meta.language === 'ar') html = html.replace(/<html([^>]*)>/i, '<html$1 dir="rtl" lang="ar">');
      fs.writeFileSync(`html/${id}__${t}.html`, html);
    }
  }
})();
