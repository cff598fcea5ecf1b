using Scorecard.Domain.Dossiers;

namespace Scorecard.Bench.Crash;

/// <summary>
/// What the clients send and what the API acknowledged. The events are cut once into batches of
/// 200–1,000; a batch is always sent whole: first in time order, again after a crash when its answer
/// was lost (most of them, as an integrator retries), and again now and then after it was
/// acknowledged. Some first sends also carry events of acknowledged batches as duplicates. So the
/// events of each batch must end up stored by one transaction, or not at all.
/// </summary>
internal sealed class CrashTraffic
{
    private const double ResendShare = 0.05;
    private const double MixedShare = 0.1;
    private const int MaxExtras = 100;
    private const double RetryShare = 0.75;

    private readonly Lock gate = new();
    private readonly Random random;
    private readonly Queue<int> retries = new();
    private readonly List<int> failed = [];
    private readonly List<int> acknowledgedBatches = [];
    private readonly bool[] acknowledged;
    private readonly bool[] sent;
    private readonly HashSet<string> acknowledgedIds = new(StringComparer.Ordinal);
    private readonly List<string> anomalies = [];
    private TaskCompletionSource firstAcknowledgement = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int nextFresh;
    private int freshLimit;
    private int inFlight;
    private int unacknowledgedInFlight;

    public CrashTraffic(IReadOnlyList<DossierEvent> events, int seed)
    {
        random = new Random(seed);
        Batches = CrashBatches.Cut(events, random);
        acknowledged = new bool[Batches.Count];
        sent = new bool[Batches.Count];
    }

    public IReadOnlyList<DossierEvent[]> Batches { get; }

    public int Requests { get; private set; }

    public int AcknowledgedRequests { get; private set; }

    public long EventsSent { get; private set; }

    public IReadOnlyCollection<string> AcknowledgedIds => acknowledgedIds;

    /// <summary>What went wrong while the API was up: failed requests, unexpected answers.</summary>
    public IReadOnlyList<string> Anomalies => anomalies;

    /// <summary>Requests awaiting their answer now, and how many of them carry a batch not acknowledged yet.</summary>
    public (int Requests, int Unacknowledged) InFlight =>
        (Volatile.Read(ref inFlight), Volatile.Read(ref unacknowledgedInFlight));

    /// <summary>Completes at the first 200 answer of the current cycle.</summary>
    public Task FirstAcknowledgement => Volatile.Read(ref firstAcknowledgement).Task;

    public bool WasSent(int batch) => sent[batch];

    public bool WasAcknowledged(int batch) => acknowledged[batch];

    /// <summary>Queues the retries of the previous cycle and lets first sends go up to this cycle's share of the
    /// batches.</summary>
    public void BeginCycle(int cycle, int cycles)
    {
        lock (gate)
        {
            foreach (var batch in failed.Where(b => !acknowledged[b]))
            {
                retries.Enqueue(batch);
            }

            failed.Clear();
            Volatile.Write(
                ref firstAcknowledgement,
                new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
            );
            freshLimit = (int)((long)Batches.Count * (cycle + 1) / cycles);
        }
    }

    /// <summary>The next request: a retry, a re-send, a first send, or (this cycle's share sent) a re-send; null when
    /// there is none yet.</summary>
    public CrashRequest? Next()
    {
        lock (gate)
        {
            if (retries.TryDequeue(out var retry))
            {
                return Take(retry, []);
            }

            var canResend = acknowledgedBatches.Count > 0;
            if (nextFresh < freshLimit && !(canResend && random.NextDouble() < ResendShare))
            {
                var extras =
                    canResend && random.NextDouble() < MixedShare
                        ? CrashBatches.Sample(Batches, acknowledgedBatches, random.Next(1, MaxExtras + 1), random)
                        : [];
                return Take(nextFresh++, extras);
            }

            return canResend ? Take(acknowledgedBatches[random.Next(acknowledgedBatches.Count)], []) : null;
        }
    }

    public void Acknowledge(CrashRequest request, CrashAnswer answer)
    {
        lock (gate)
        {
            if (answer.Rejected > 0 || answer.Accepted + answer.Duplicates != request.Events.Count)
            {
                anomalies.Add(
                    $"batch {request.Batch}: {request.Events.Count} events answered accepted {answer.Accepted}, "
                        + $"duplicates {answer.Duplicates}, rejected {answer.Rejected}"
                );
            }

            Answered(request);
            firstAcknowledgement.TrySetResult();
            AcknowledgedRequests++;
            acknowledgedIds.UnionWith(request.Events.Select(e => e.Id));
            if (!acknowledged[request.Batch])
            {
                acknowledged[request.Batch] = true;
                acknowledgedBatches.Add(request.Batch);
            }
        }
    }

    /// <summary>A request without an answer. Unless the batch was acknowledged meanwhile, it is retried after the
    /// restart or given up.</summary>
    public void Fail(CrashRequest request, bool apiKilled, string reason)
    {
        lock (gate)
        {
            Answered(request);
            if (!apiKilled)
            {
                anomalies.Add($"batch {request.Batch} failed while the API was up: {reason}");
            }

            if (!acknowledged[request.Batch] && !failed.Contains(request.Batch) && random.NextDouble() < RetryShare)
            {
                failed.Add(request.Batch);
            }
        }
    }

    private CrashRequest Take(int batch, IEnumerable<DossierEvent> extras)
    {
        sent[batch] = true;
        var request = new CrashRequest(batch, [.. Batches[batch].Concat(extras)], !acknowledged[batch]);
        Requests++;
        EventsSent += request.Events.Count;
        inFlight++;
        unacknowledgedInFlight += request.Unacknowledged ? 1 : 0;
        return request;
    }

    private void Answered(CrashRequest request)
    {
        inFlight--;
        unacknowledgedInFlight -= request.Unacknowledged ? 1 : 0;
    }
}
