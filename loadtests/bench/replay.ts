// The replay benchmark (issue 12, "Done when": "a replay of 1,000,000 case events is measured (events/s)").
// Produces REPLAY_EVENTS synthetic but valid CaseTransitioned envelopes (replay/lifecycles.ts: whole lifecycles of
// many cases of six tenants in a realistic mix — submitted, notices, accepted, steps, suspensions, extensions,
// decided, result issued, delivered — interleaved as a busy hall publishes them) onto topics of its own
// (`bench.replay.<run>.govhall.applications.case` …, supervision's KAFKA_TOPIC_PREFIX), then:
//   1. the baseline: a bare kafkajs consumer (fresh group) reads and decodes every event, nothing else;
//   2. a supervision process (services/supervision/dist/main.js) with fresh consumer groups and an empty scratch
//      database replays them: its journal, clocks and violation-detection groups each read the whole case topic.
// It measures events/s until each group's committed offsets reach the topic's end (kafkajs admin fetchOffsets vs
// fetchTopicOffsets, polled every second), with CPU and RSS of supervision and the stack, and prints the ratio to
// the baseline. No timing assertions: it exits non-zero only when it cannot run. Topics and the database are
// deleted at the end.
//
//   pnpm --filter @govhall/loadtests bench:replay          (needs: pnpm build, the local stack; nothing else)
//
// Environment: REPLAY_EVENTS [1000000] (1,000..2,000,000); REPLAY_SEED [12]; REPLAY_PARTITIONS [3] of the case
// topic (as deploy/kafka/topics.txt); REPLAY_TIMEOUT_S [7200] longest wait for supervision;
// REPLAY_CPU_PROFILE_DIR [none]: supervision writes a V8 CPU profile (--cpu-prof) there when it stops;
// REPLAY_KEEP_SUPERVISION_S [0]: after the lag is 0, keep measuring so long (the timer, the relay);
// GOVHALL_STATE [<repo>/.stack]; BENCH_STACK_STATE [GOVHALL_STATE]: where the stack's pid files are (for CPU and
// RSS), when the stack was started from another clone; MONGODB_URI / KAFKA_BROKERS / KEYCLOAK_URL as for the tests.
// Results: $GOVHALL_STATE/bench/replay-<timestamp>.json.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { MongoClient, REPO_ROOT, freePort, stack, startProcess } from '@govhall/testing';
import { CpuMeter, RssSampler, fmt, intEnv, markdownTable, stackProcesses, type ProcessRef } from './lib.ts';
import { Started } from './processes.ts';
import { machineInfo } from './report.ts';
import {
  CASE_TOPIC,
  baselineRead,
  benchKafka,
  committed,
  createTopics,
  produceEvents,
  topicEnd,
} from './replay/kafka.ts';
import { syntheticEvents } from './replay/lifecycles.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);

interface GroupProgress {
  group: string;
  /** Seconds from supervision's start until the group's committed offsets reached the topic's end; null: not. */
  seconds: number | null;
  eventsPerS: number | null;
  /** Events committed when the harness stopped waiting (all of them when it caught up). */
  committed: number;
  /** Without catching up (REPLAY_TIMEOUT_S): committed events over the time waited, a lower bound. */
  partialPerS: number | null;
}

async function main(): Promise<void> {
  const settings = {
    events: intEnv('REPLAY_EVENTS', 1_000_000, 1_000, 2_000_000),
    seed: intEnv('REPLAY_SEED', 12, 0, 2 ** 31),
    partitions: intEnv('REPLAY_PARTITIONS', 3, 1, 12),
    timeoutS: intEnv('REPLAY_TIMEOUT_S', 7_200, 10, 6 * 3_600),
    keepS: intEnv('REPLAY_KEEP_SUPERVISION_S', 0, 0, 600),
    cpuProfileDir: process.env.REPLAY_CPU_PROFILE_DIR || undefined,
    stateDir: process.env.GOVHALL_STATE ?? path.join(REPO_ROOT, '.stack'),
    // The stack's pid files, when it was started from another clone (a worktree sharing the local stack).
    stackStateDir: process.env.BENCH_STACK_STATE || (process.env.GOVHALL_STATE ?? path.join(REPO_ROOT, '.stack')),
  };
  const startedAt = new Date();
  const runId = startedAt.getTime().toString(36);
  const prefix = `bench.replay.${runId}.`;
  const caseTopic = prefix + CASE_TOPIC;
  const database = `govhall_supervision_replay_${runId}`;
  const group = `bench-replay-${runId}`;
  const groups = { journal: group, clocks: `${group}-clocks`, violations: `${group}-violations` };
  if (!fs.existsSync(path.join(REPO_ROOT, 'services/supervision/dist/main.js')))
    throw new Error(`services/supervision/dist/main.js is missing: run 'pnpm build' first`);

  const started = new Started();
  process.once('SIGINT', () => void started.stopAll().then(() => process.exit(130)));
  process.once('SIGTERM', () => void started.stopAll().then(() => process.exit(143)));
  const kafka = benchKafka('govhall-bench-replay');
  const admin = kafka.admin();
  await admin.connect();
  started.onStop(() => admin.disconnect());
  const mongo = new MongoClient(stack.mongoUri);
  await mongo.connect();
  started.onStop(() => mongo.close());
  const notes: string[] = [];
  const loadavg = os.loadavg();
  const uptime = () => fs.readFileSync('/proc/loadavg', 'utf8').trim();
  log(`load average at the start: ${uptime()}`);

  try {
    // ---- the topics and the events ------------------------------------------------------------------------------
    const topics = await createTopics(admin, prefix, settings.partitions);
    started.onStop(() => admin.deleteTopics({ topics }));
    // the run's consumer groups go too (after supervision and the baseline consumer have left them)
    started.onStop(() => admin.deleteGroups([...Object.values(groups), `${group}-baseline`]).catch(() => undefined));
    log(`producing ${settings.events.toLocaleString('en')} case events to ${caseTopic} …`);
    let lastLog = 0;
    const produced = await produceEvents(
      kafka,
      caseTopic,
      syntheticEvents({ count: settings.events, seed: settings.seed, end: startedAt }),
      {
        progress: (n) => {
          if (n - lastLog >= 100_000) log(`  ${(lastLog = n).toLocaleString('en')}`);
        },
      },
    );
    const end = await topicEnd(admin, caseTopic);
    log(
      `  ${produced.produced} events in ${fmt(produced.seconds)} s (${fmt(produced.produced / produced.seconds, 0)}/s); topic end ${end}`,
    );
    if (end !== settings.events) throw new Error(`the topic holds ${end} messages, expected ${settings.events}`);

    // ---- the baseline: read and decode, nothing else ----------------------------------------------------------
    log('baseline: a bare consumer reads and decodes every event …');
    const baselineS = await baselineRead(kafka, caseTopic, `${group}-baseline`, settings.events);
    log(`  ${fmt(baselineS)} s, ${fmt(settings.events / baselineS, 0)} events/s`);

    // ---- supervision replays ----------------------------------------------------------------------------------
    const grpcPort = await freePort();
    const metricsPort = await freePort();
    const profile: Record<string, string> = settings.cpuProfileDir
      ? (fs.mkdirSync(settings.cpuProfileDir, { recursive: true }),
        { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${settings.cpuProfileDir}` })
      : {};
    log(`starting supervision (database ${database}, groups ${group}[-clocks|-violations], prefix ${prefix}) …`);
    const t0 = performance.now();
    const supervision = started.add(
      await startProcess({
        name: 'replay-supervision',
        entry: 'services/supervision/dist/main.js',
        env: {
          MONGODB_URI: stack.mongoUri,
          KAFKA_BROKERS: stack.kafkaBrokers,
          KEYCLOAK_URL: stack.keycloakUrl,
          KEYCLOAK_REALM: stack.realm,
          LOG_LEVEL: 'warn',
          GRPC_HOST: '127.0.0.1',
          GRPC_PORT: String(grpcPort),
          METRICS_HOST: '127.0.0.1',
          METRICS_PORT: String(metricsPort),
          MONGODB_DB: database,
          KAFKA_GROUP_ID: group,
          KAFKA_TOPIC_PREFIX: prefix,
          ...profile,
        },
        readyPort: grpcPort,
        timeoutMs: 120_000,
      }),
    );
    started.onStop(() => mongo.db(database).dropDatabase());
    const readyS = (performance.now() - t0) / 1000;
    const watched = (): ProcessRef[] => [
      ...stackProcesses(settings.stackStateDir),
      { name: 'replay-supervision', pid: supervision.child.pid! },
      { name: 'harness', pid: process.pid, tree: false },
    ];
    const cpu = new CpuMeter(watched);
    const rss = new RssSampler(watched);
    cpu.start();
    rss.start();
    const done: Record<'journal' | 'clocks' | 'violations', number | null> = {
      journal: null,
      clocks: null,
      violations: null,
    };
    const samples: { s: number; journal: number; clocks: number; violations: number }[] = [];
    const loads: string[] = [uptime()];
    let nextLog = 30;
    while (Object.values(done).some((d) => d === null)) {
      const s = (performance.now() - t0) / 1000;
      if (s > settings.timeoutS) {
        notes.push(`supervision did not catch up within REPLAY_TIMEOUT_S=${settings.timeoutS}`);
        break;
      }
      const sample = {
        s,
        journal: await committed(admin, groups.journal, caseTopic),
        clocks: await committed(admin, groups.clocks, caseTopic),
        violations: await committed(admin, groups.violations, caseTopic),
      };
      samples.push(sample);
      for (const k of ['journal', 'clocks', 'violations'] as const)
        if (done[k] === null && sample[k] >= settings.events) done[k] = s;
      if (s >= nextLog) {
        nextLog += 30;
        loads.push(uptime());
        log(
          `  ${fmt(s, 0)} s: journal ${sample.journal}, clocks ${sample.clocks}, violations ${sample.violations} (load ${uptime()})`,
        );
      }
      await sleep(1_000);
    }
    if (settings.keepS) await sleep(settings.keepS * 1000);
    const cpuUse = cpu.stop();
    const rssPeak = rss.stop();
    const db = mongo.db(database);
    const counts = Object.fromEntries(
      await Promise.all(
        ['recorded_events', 'matters', 'signals', 'violations'].map(
          async (c) => [c, await db.collection(c).estimatedDocumentCount()] as const,
        ),
      ),
    );
    await supervision.stop();

    // ---- the report -------------------------------------------------------------------------------------------
    const last = samples.at(-1);
    const progress: GroupProgress[] = (['journal', 'clocks', 'violations'] as const).map((k) => ({
      group: groups[k],
      seconds: done[k],
      eventsPerS: done[k] === null ? null : settings.events / done[k],
      committed: last?.[k] ?? 0,
      partialPerS: done[k] === null && last ? last[k] / last.s : null,
    }));
    const baselinePerS = settings.events / baselineS;
    const rows = [
      ['baseline: bare consumer, decode only', fmt(baselineS, 1), fmt(baselinePerS, 0), '1'],
      ...progress.map((p) => [
        `supervision ${p.group.slice(group.length) || '(journal)'}`,
        fmt(p.seconds, 1),
        p.eventsPerS !== null ? fmt(p.eventsPerS, 0) : `≥ ${fmt(p.partialPerS, 0)} (${p.committed} done)`,
        fmt((p.eventsPerS ?? p.partialPerS ?? Number.NaN) / baselinePerS, 3),
      ]),
    ];
    const out = [
      `replay of ${settings.events.toLocaleString('en')} case events (${settings.partitions} partitions), supervision ready after ${fmt(readyS, 1)} s`,
      '',
      markdownTable(['consumer', 'seconds to lag 0', 'events/s', '× baseline'], rows),
      '',
      `produced at ${fmt(produced.produced / produced.seconds, 0)} events/s; stored: ${Object.entries(counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')} (estimated counts)`,
      `CPU over the replay (% of one core): machine ${fmt(cpuUse.machineBusyPct, 0)}% busy, unattributed ${fmt(cpuUse.unattributedPctOfOneCore, 0)}; ${Object.entries(
        cpuUse.processPctOfOneCore,
      )
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => `${k} ${fmt(v, 0)}`)
        .join(', ')}`,
      `RSS peak (MiB): ${Object.entries(rssPeak)
        .map(([k, v]) => `${k} ${fmt(v, 0)}`)
        .join(', ')}`,
      `load average: at the start ${loadavg.map((l) => l.toFixed(2)).join(' ')}; during the replay ${loads.join(' | ')}`,
      ...notes,
    ].join('\n');
    process.stdout.write(`${out}\n`);
    const file = path.join(
      settings.stateDir,
      'bench',
      `replay-${startedAt.toISOString().replaceAll(':', '-').replace('.', '-')}.json`,
    );
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      JSON.stringify(
        {
          startedAt,
          finishedAt: new Date(),
          command: `${process.argv0} ${process.argv.slice(1).join(' ')}`,
          machine: machineInfo(loadavg),
          settings,
          produced,
          baseline: { seconds: baselineS, eventsPerS: baselinePerS },
          supervision: { readyS, groups: progress, counts, cpu: cpuUse, rssPeakMiB: rssPeak, loads, samples },
          notes,
        },
        null,
        2,
      ),
    );
    process.stdout.write(`\nresults: ${file}\n`);
  } finally {
    log('stopping supervision, deleting the topics and the database …');
    await started.stopAll();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`\nbench:replay: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
