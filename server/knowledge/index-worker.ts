// Worker thread that builds the scenario search index off the request thread and hands it back serialised.
import { parentPort, workerData } from 'node:worker_threads';
import { buildSearchIndex, serializeSearchIndex, type SearchBackend } from '../../knowledge/search/index.ts';
import type { Scenario } from '../../knowledge/scenario.ts';

const { scenarios, backend } = workerData as { scenarios: Scenario[]; backend: SearchBackend };
parentPort!.postMessage(serializeSearchIndex(buildSearchIndex(scenarios, { backend })));
