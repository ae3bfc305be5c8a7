// Kuzu peer of the presskg graph benchmark; writes DIR/results/kuzu.json.
//
// Creates a fresh on-disk database in DIR/kuzu, COPYs nodes.csv and edges.csv into
// Entity(id INT64 PK, name, kind) and Rel(FROM Entity TO Entity, relation STRING) (load_s is the
// time of both COPY statements), closes it, reopens it read-only, warms it with one untimed pass,
// then times prepared statements run synchronously:
//   1-hop: MATCH (a:Entity)-[:Rel]-(b:Entity) WHERE a.id = $id RETURN b.id  (one row per edge)
//   path:  MATCH p = (a:Entity)-[:Rel* SHORTEST 1..30]-(b:Entity) WHERE a.id = $src AND
//          b.id = $dst RETURN properties(nodes(p), 'id')                   (one path, undirected)
// memory_mib is the process RSS after the timed queries; *_cpu_* figures are process CPU time
// (user + system, every Kuzu thread), which shared cores do not inflate.
// Usage: node kuzu_bench.mjs DIR [--limit K] [--sp-limit K] [--buffer-gib G] [--threads T]
// (--sp-limit K: paths on the first K pairs only, 1-hop on all of them)
import fs from "node:fs";
import path from "node:path";
import process from "node:process";

import kuzu from "kuzu";

function parseArgs(argv) {
  const args = { dir: null, limit: 0, spLimit: 0, bufferGib: 8, threads: 0 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--limit") args.limit = Number(argv[++i]);
    else if (flag === "--sp-limit") args.spLimit = Number(argv[++i]);
    else if (flag === "--buffer-gib") args.bufferGib = Number(argv[++i]);
    else if (flag === "--threads") args.threads = Number(argv[++i]);
    else if (flag === "--help" || flag === "-h") args.dir = null;
    else args.dir = flag;
  }
  if (!args.dir) {
    console.error("usage: node kuzu_bench.mjs DIR [--limit K] [--sp-limit K] [--buffer-gib G] " +
      "[--threads T]");
    process.exit(2);
  }
  return args;
}

function readSample(dir, limit) {
  const pairs = fs.readFileSync(path.join(dir, "sample.tsv"), "utf8")
    .split("\n").filter((line) => line.trim() !== "")
    .map((line) => line.split("\t").slice(0, 2).map(Number));
  return limit > 0 ? pairs.slice(0, limit) : pairs;
}

function percentile(values, q) {
  const ordered = [...values].sort((a, b) => a - b);
  const pos = ((ordered.length - 1) * q) / 100;
  const low = Math.floor(pos);
  const high = Math.min(low + 1, ordered.length - 1);
  return ordered[low] + (ordered[high] - ordered[low]) * (pos - low);
}

const mib = (bytes) => Math.round((bytes / 1048576) * 10) / 10;
const round = (x, digits) => Math.round(x * 10 ** digits) / 10 ** digits;

function run(conn, statement) {
  const result = conn.querySync(statement);
  const rows = result.getAllSync();
  result.close();
  return rows;
}

function prepare(conn, statement) {
  const prepared = conn.prepareSync(statement);
  if (!prepared.isSuccess()) throw new Error(prepared.getErrorMessage());
  return prepared;
}

// CPU seconds of the whole process (every Kuzu worker thread included) since `since`.
const cpuSeconds = (since) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

// Runs `prepared` once per params; returns [rows, wall seconds, process CPU seconds] per call.
function timeEach(conn, prepared, paramsList) {
  const answers = [];
  const wall = [];
  const cpu = [];
  for (const params of paramsList) {
    if (wall.length && wall.length % 100 === 0) {
      console.error(`  ${wall.length}/${paramsList.length}`);
    }
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    const result = conn.executeSync(prepared, params);
    const rows = result.getAllSync();
    wall.push(Number(process.hrtime.bigint() - start) / 1e9);
    cpu.push(cpuSeconds(cpuStart));
    result.close();
    answers.push(rows);
  }
  return [answers, wall, cpu];
}

function load(dbPath, dir, bufferBytes) {
  fs.rmSync(dbPath, { recursive: true, force: true });
  fs.rmSync(dbPath + ".wal", { force: true });
  const db = new kuzu.Database(dbPath, bufferBytes);
  const conn = new kuzu.Connection(db);
  run(conn, "CREATE NODE TABLE Entity(id INT64, name STRING, kind STRING, PRIMARY KEY(id))");
  run(conn, "CREATE REL TABLE Rel(FROM Entity TO Entity, relation STRING)");
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  run(conn, `COPY Entity FROM '${path.join(dir, "nodes.csv")}' (HEADER=true)`);
  const nodesDone = process.hrtime.bigint();
  run(conn, `COPY Rel FROM '${path.join(dir, "edges.csv")}' (HEADER=true)`);
  const end = process.hrtime.bigint();
  const loadCpuS = cpuSeconds(cpuStart);
  const n = Number(run(conn, "MATCH (a:Entity) RETURN count(*) AS n")[0].n);
  const m = Number(run(conn, "MATCH ()-[r:Rel]->() RETURN count(*) AS m")[0].m);
  conn.closeSync();
  db.closeSync();
  return {
    n, m,
    loadS: Number(end - start) / 1e9,
    loadCpuS,
    nodesS: Number(nodesDone - start) / 1e9,
    edgesS: Number(end - nodesDone) / 1e9,
  };
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const dir = path.resolve(args.dir);
  const pairs = readSample(dir, args.limit);
  const dbPath = path.join(dir, "kuzu");
  const bufferBytes = args.bufferGib * 1024 ** 3;

  const loaded = load(dbPath, dir, bufferBytes);
  const loadPeakMib = mib(process.resourceUsage().maxRSS * 1024);
  console.log(`kuzu: copied ${loaded.n} nodes in ${loaded.nodesS.toFixed(1)} s, ` +
    `${loaded.m} edges in ${loaded.edgesS.toFixed(1)} s`);

  const db = new kuzu.Database(dbPath, bufferBytes, true, true);
  const conn = args.threads > 0 ? new kuzu.Connection(db, args.threads) : new kuzu.Connection(db);
  const oneHop = prepare(conn,
    "MATCH (a:Entity)-[:Rel]-(b:Entity) WHERE a.id = $id RETURN b.id AS id");
  const shortest = prepare(conn,
    "MATCH p = (a:Entity)-[:Rel* SHORTEST 1..30]-(b:Entity) WHERE a.id = $src AND b.id = $dst " +
    "RETURN properties(nodes(p), 'id') AS ids");
  const hopParams = pairs.map(([src]) => ({ id: src }));
  const pathPairs = args.spLimit > 0 ? pairs.slice(0, args.spLimit) : pairs;
  const pathParams = pathPairs.map(([src, dst]) => ({ src, dst }));

  timeEach(conn, oneHop, hopParams);  // warm-up: the buffer pool starts cold after reopening
  timeEach(conn, shortest, pathParams.slice(0, 10));
  const [neighbours, oneHopS, oneHopCpu] = timeEach(conn, oneHop, hopParams);
  const [pathRows, spS, spCpu] = timeEach(conn, shortest, pathParams);
  const paths = pathRows.map((rows) => (rows.length > 0 ? rows[0].ids.map(Number) : []));
  const found = paths.filter((p) => p.length > 0).map((p) => p.length - 1);

  const figures = {
    system: "kuzu",
    model: "Entity node table + Rel rel table (MANY_MANY), on disk, reopened read-only; " +
      "sync prepared statements",
    nodes: loaded.n,
    edges: loaded.m,
    load_s: round(loaded.loadS, 3),
    load_nodes_s: round(loaded.nodesS, 3),
    load_edges_s: round(loaded.edgesS, 3),
    load_cpu_s: round(loaded.loadCpuS, 3),
    one_hop_p50_us: round(percentile(oneHopS, 50) * 1e6, 2),
    one_hop_p95_us: round(percentile(oneHopS, 95) * 1e6, 2),
    sp_p50_ms: round(percentile(spS, 50) * 1e3, 4),
    sp_p95_ms: round(percentile(spS, 95) * 1e3, 4),
    one_hop_cpu_p50_us: round(percentile(oneHopCpu, 50) * 1e6, 2),
    sp_cpu_p50_ms: round(percentile(spCpu, 50) * 1e3, 4),
    memory_mib: mib(process.memoryUsage().rss),
    peak_rss_mib: mib(process.resourceUsage().maxRSS * 1024),
    load_peak_rss_mib: loadPeakMib,
    buffer_pool_gib: args.bufferGib,
    queries: pairs.length,
    sp_queries: pathPairs.length,
    paths_found: found.length,
    mean_path_hops: found.length ? round(found.reduce((a, b) => a + b, 0) / found.length, 3) : null,
    version: kuzu.VERSION,
  };
  conn.closeSync();
  db.closeSync();

  for (const sub of ["results", "answers"]) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  fs.writeFileSync(path.join(dir, "results", "kuzu.json"), JSON.stringify(figures, null, 1) + "\n");
  const hops = (i) => {
    if (i >= paths.length) return "?";  // not asked (--sp-limit)
    return paths[i].length ? paths[i].join(" ") : "-";
  };
  const lines = pairs.map(([src, dst], i) =>
    `${src}\t${dst}\t${neighbours[i].length}\t${hops(i)}\n`);
  fs.writeFileSync(path.join(dir, "answers", "kuzu.tsv"), lines.join(""));
  console.log(JSON.stringify(figures, null, 1));
}

main();
