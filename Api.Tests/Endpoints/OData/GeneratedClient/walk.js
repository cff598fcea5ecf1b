// Reads the feeds through the client odata2ts generated from the served $metadata (./ScorecardService) and prints
// what it read as one JSON object: node walk.js <service root> <API key> <page size>.
"use strict";
const { FetchClient } = require("@odata2ts/http-client-fetch");
const { ScorecardService } = require("./ScorecardService");

async function main() {
  const [root, key, pageSize] = process.argv.slice(2);
  const client = new FetchClient({ headers: { "X-Api-Key": key } });
  const service = new ScorecardService(client, root);

  const unit = (await service.Units("P.A").query()).data;

  const filtered = (
    await service
      .Dossiers()
      .query((b, q) => b.filter(q.UnitCode.equals("P.B.1"), q.Code.startsWith("D")).orderBy(q.Code.asc()))
  ).data.value.map((d) => d.Code);

  const expanded = (
    await service
      .Dossiers()
      .query((b, q) => b.select("Code").filter(q.Code.equals("D6")).expanding("Unit", (e) => e.select("Name", "Level")))
  ).data.value;

  // The generated service reads the first page; the same client follows each @odata.nextLink.
  const paging = { headers: { Prefer: "odata.maxpagesize=" + pageSize } };
  let page = (await service.Dossiers().query((b, q) => b.select("Code").orderBy(q.ReceivedAt.desc()), paging)).data;
  const walked = [];
  let pages = 0;
  for (;;) {
    pages++;
    walked.push(...page.value.map((d) => d.Code));
    const next = page["@odata.nextLink"];
    if (!next) {
      break;
    }
    page = (await client.get(next, paging)).data;
  }

  console.log(JSON.stringify({ unit, filtered, expanded, walked, pages }));
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
