using System.Diagnostics;

namespace Scorecard.Bench.Support;

/// <summary>Median and 95th percentile of repeated calls, in milliseconds, after one warm-up call.</summary>
internal sealed record Latency(double P50, double P95)
{
    public static async Task<Latency> MeasureAsync(int iterations, Func<Task> call)
    {
        await call().ConfigureAwait(false);
        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            await call().ConfigureAwait(false);
            samples[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(samples);
        return new Latency(
            samples[(int)(iterations * 0.5)],
            samples[Math.Min(iterations - 1, (int)Math.Ceiling(iterations * 0.95) - 1)]
        );
    }
}
