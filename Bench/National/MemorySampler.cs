using Scorecard.Bench.Support;

namespace Scorecard.Bench.National;

/// <summary>
/// The highest resident memory of a process seen by sampling it every 200 ms until disposed: the peak of a phase when
/// the kernel's own high-water mark (VmHWM) cannot be reset.
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Timer timer;
    private double peak;

    public MemorySampler(int pid)
    {
        timer = new Timer(_ => Sample(pid), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(200));
    }

    public double PeakMiB => Volatile.Read(ref peak);

    /// <summary>Resets the kernel's high-water mark of the process to its current RSS (Linux 4.0+, the process's
    /// owner); false where that is not allowed.</summary>
    public static bool TryResetPeak(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Dispose() => timer.Dispose();

    private void Sample(int pid)
    {
        try
        {
            var current = LocalProcess.Memory(pid).CurrentMiB;
            if (current > Volatile.Read(ref peak))
            {
                Volatile.Write(ref peak, current);
            }
        }
        catch (IOException)
        {
            // the process has ended
        }
    }
}
