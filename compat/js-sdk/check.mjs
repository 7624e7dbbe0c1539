// Drives the service through the Globus JavaScript SDK's Timers client, unchanged but for the
// base URL (GLOBUS_SDK_SERVICE_URL_TIMERS), and fails on any answer a client would not expect.
import assert from 'node:assert/strict';
import { timers } from '@globus/sdk';

const headers = { Authorization: `Bearer ${process.env.TOKEN}` };
const json = async (response, status) => {
  const body = await response.json();
  assert.equal(response.status, status, JSON.stringify(body));
  return body;
};

const start = new Date(Date.now() + 3600e3).toISOString();
const created = await json(
  await timers.timer.create({
    headers,
    payload: {
      timer: {
        name: 'from-the-js-sdk',
        timer_type: 'transfer',
        schedule: { type: 'recurring', interval_seconds: 600, start, end: { condition: 'iterations', count: 3 } },
        body: {
          source_endpoint: 'ddb59aef-6d04-11e5-ba46-22000b92c6ec',
          destination_endpoint: 'ddb59af0-6d04-11e5-ba46-22000b92c6ec',
          DATA: [{ source_path: '/~/a.txt', destination_path: '/~/b.txt' }],
        },
      },
    },
  }),
  201,
);
const timer = created.timer;
assert.equal(timer.timer_type, 'transfer');
assert.equal(timer.body.DATA_TYPE, 'transfer');
assert.equal(timer.body.notify_on_succeeded, true);
assert.equal(timer.number_of_runs, 0);
const id = timer.job_id;

const list = await json(await timers.jobs.getAll({ headers }), 200);
assert.ok(list.jobs.some((job) => job.job_id === id));
const job = await json(await timers.jobs.get(id, { headers }), 200);
assert.deepEqual(job.results.data, []);
assert.equal(job.schedule.end.count, 3);
assert.equal((await json(await timers.jobs.patch(id, { headers, payload: { name: 'renamed' } }), 200)).name, 'renamed');
assert.match((await json(await timers.jobs.pause(id, { headers }), 200)).message, /paused/);
assert.equal((await json(await timers.jobs.get(id, { headers }), 200)).status, 'inactive');
await json(await timers.jobs.resume(id, { headers, query: { update_credentials: true } }), 200);
assert.equal((await json(await timers.jobs.remove(id, { headers }), 200)).status, 'deleted');
const unknown = await json(await timers.jobs.get('00000000-0000-0000-0000-000000000000', { headers }), 404);
assert.equal(unknown.error.code, 'NOT_FOUND');
console.log('The JavaScript SDK works against the service: create, list, get, patch, pause, resume, delete.');
