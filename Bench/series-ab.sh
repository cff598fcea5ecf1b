#!/bin/bash
# Starts the API from a build (its Scorecard.Api.dll) on a copy of a benchmark file, waits for the first indicator
# values refresh, then calls two daily series of province 49 once and 100 times each, printing p50/p95 and a hash of
# the answer (A/B of two builds on copies of one file; BENCHMARKS.md, "The daily series from the provinces' rollup").
# usage: series-ab.sh DLL DB PORT LABEL
dll=$1; db=$2; port=$3; label=$4
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:$port ConnectionStrings__Scorecard="Data Source=$db" \
Auth__BootstrapAdminKey=bench-admin-key-0123456789 RateLimit__RequestsPerSecond=0 \
Logging__LogLevel__Default=Warning env "Logging__LogLevel__Scorecard.Api.IndicatorValues=Information" \
dotnet $dll > /tmp/api-$label.log 2>&1 &
pid=$!
for i in $(seq 1 600); do grep -q "Indicator values refreshed" /tmp/api-$label.log && break; sleep 1; done
grep -o '"Message":"Indicator values refreshed[^"]*"' /tmp/api-$label.log | head -2
python3 - $port $label <<'PY'
import sys,time,urllib.request
port,label=sys.argv[1],sys.argv[2]
urls={"c on-time national":"/api/series?unitCode=49&indicator=on-time&from=2025-01-01&to=2025-12-31&interval=day",
"c' channel-online":"/api/series?unitCode=49&indicator=channel-online&from=2025-01-01&to=2025-12-31&interval=day"}
for name,u in urls.items():
    req=urllib.request.Request("http://127.0.0.1:%s%s"%(port,u),headers={"X-Api-Key":"bench-admin-key-0123456789"})
    body=urllib.request.urlopen(req).read()
    ts=[]
    for i in range(100):
        t=time.perf_counter(); b=urllib.request.urlopen(req).read(); ts.append((time.perf_counter()-t)*1000)
    ts.sort()
    import hashlib
    print(label,name,"p50 %.1f p95 %.1f"%(ts[49],ts[94]),"sha",hashlib.sha1(b).hexdigest()[:10])
PY
kill $pid; wait $pid 2>/dev/null
