-- wrk prints p50, p95 and p99 in milliseconds, requests per second and the answers that were not 2xx/3xx.
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.2f %.2f %.2f %.1f %d\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6), summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
