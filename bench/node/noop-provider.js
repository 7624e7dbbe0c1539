// A no-op action provider in a process of its own, for `bench/run firing --provider node`: every
// run request is answered 202 with a final SUCCEEDED status, and each arrival is printed as
// "<wall-clock microseconds> <timer index>" (in batches, so printing stays off the answer's path).
'use strict';
const http = require('http');
const origin = performance.timeOrigin;
let arrivals = [];

const server = http.createServer((req, res) => {
  const arrived = Math.round((origin + performance.now()) * 1000);
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString();
    const index = /"i":(\d+)/.exec(body);
    const requestId = /"request_id":"([^"]+)"/.exec(body);
    arrivals.push(arrived + ' ' + (index ? index[1] : '-1'));
    const answer = JSON.stringify({
      action_id: requestId ? requestId[1] : 'unknown',
      status: 'SUCCEEDED',
      details: {},
    });
    res.writeHead(202, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(answer),
    });
    res.end(answer);
  });
});
server.keepAliveTimeout = 120000;
server.headersTimeout = 121000;

setInterval(() => {
  if (arrivals.length > 0) {
    process.stdout.write(arrivals.join('\n') + '\n');
    arrivals = [];
  }
}, 100);

server.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port));
process.stdin.on('end', () => process.exit(0)); // the benchmark closed our stdin: it is done
process.stdin.resume();
