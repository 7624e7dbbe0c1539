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

// The activity variants and inactive_reason as the SDK's generated types declare them: each
// variant's fields are all required, and inactive_reason.detail is an object when present.
const isTime = (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value));
const activityVariants = {
  awaiting_next_run: { next_run: isTime },
  run_in_progress: { start_timestamp: isTime, duration_seconds: (v) => typeof v === 'number' },
  retrying: { start_timestamp: isTime },
  paused: { reason: (v) => ['user', 'globus_auth_requirements', 'other'].includes(v) },
};
const checkTimer = (timer) => {
  const what = `timer ${timer.job_id}`;
  const { activity, inactive_reason: reason } = timer;
  if (activity !== null && activity !== undefined) {
    const fields = activityVariants[activity.code];
    assert.ok(fields, `${what}: activity.code ${JSON.stringify(activity.code)} is no known variant`);
    for (const [field, ok] of Object.entries(fields)) {
      assert.ok(ok(activity[field]), `${what}: activity ${activity.code} needs a valid ${field}: ${JSON.stringify(activity)}`);
    }
  }
  if (reason !== null && reason !== undefined) {
    assert.ok(['user', 'globus_auth_requirements'].includes(reason.cause), `${what}: inactive_reason.cause ${reason.cause}`);
    const detail = reason.detail;
    assert.ok(
      detail === undefined || detail === null || (typeof detail === 'object' && !Array.isArray(detail)),
      `${what}: inactive_reason.detail must be an object: ${JSON.stringify(detail)}`,
    );
  }
  return timer;
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
const timer = checkTimer(created.timer);
assert.equal(timer.activity.code, 'awaiting_next_run');
assert.equal(timer.timer_type, 'transfer');
assert.equal(timer.body.DATA_TYPE, 'transfer');
assert.equal(timer.body.notify_on_succeeded, true);
assert.equal(timer.number_of_runs, 0);
const id = timer.job_id;

const list = await json(await timers.jobs.getAll({ headers }), 200);
assert.ok(list.jobs.some((job) => job.job_id === id));
list.jobs.forEach(checkTimer);
const job = checkTimer(await json(await timers.jobs.get(id, { headers }), 200));
assert.deepEqual(job.results.data, []);
assert.equal(job.schedule.end.count, 3);
assert.equal((await json(await timers.jobs.patch(id, { headers, payload: { name: 'renamed' } }), 200)).name, 'renamed');
assert.match((await json(await timers.jobs.pause(id, { headers }), 200)).message, /paused/);
const paused = checkTimer(await json(await timers.jobs.get(id, { headers }), 200));
assert.equal(paused.status, 'inactive');
assert.deepEqual(paused.activity, { code: 'paused', reason: 'user' });
assert.equal(paused.inactive_reason.cause, 'user');
await json(await timers.jobs.resume(id, { headers, query: { update_credentials: true } }), 200);
const resumed = checkTimer(await json(await timers.jobs.get(id, { headers }), 200));
assert.equal(resumed.activity.code, 'awaiting_next_run');
assert.equal(resumed.inactive_reason, null);

// A timer due now is seen running or waiting again; whichever it shows must be a full variant.
const now = await json(
  await timers.timer.create({
    headers,
    payload: {
      timer: {
        timer_type: 'transfer',
        schedule: { type: 'recurring', interval_seconds: 3600, end: { count: 2 } },
        body: {
          source_endpoint: 'ddb59aef-6d04-11e5-ba46-22000b92c6ec',
          destination_endpoint: 'ddb59af0-6d04-11e5-ba46-22000b92c6ec',
          DATA: [{ source_path: '/~/no-such-file-for-the-check', destination_path: '/~/never' }],
        },
      },
    },
  }),
  201,
);
assert.equal(now.timer.schedule.end.count, 2);
for (let i = 0; i < 20; i++) {
  checkTimer(await json(await timers.jobs.get(now.timer.job_id, { headers }), 200));
}
await json(await timers.jobs.remove(now.timer.job_id, { headers }), 200);
assert.equal((await json(await timers.jobs.remove(id, { headers }), 200)).status, 'deleted');
const unknown = await json(await timers.jobs.get('00000000-0000-0000-0000-000000000000', { headers }), 404);
assert.equal(unknown.error.code, 'NOT_FOUND');
console.log('The JavaScript SDK works against the service: create, list, get, patch, pause, resume, delete; activity and inactive_reason match its types.');
