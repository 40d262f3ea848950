// Preloaded into a measured process (node --require): writes its peak resident memory, in kB, where
// CTG_PEAK_RSS_FILE says, when it exits. Plain JavaScript: it runs before any bundle.
const { writeFileSync } = require("node:fs");
process.on("exit", () => {
  if (process.env.CTG_PEAK_RSS_FILE) writeFileSync(process.env.CTG_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS));
});
