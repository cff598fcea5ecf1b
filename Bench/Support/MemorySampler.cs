namespace Scorecard.Bench.Support;

/// <summary>
/// The highest resident memory of a process seen by sampling it every 200 ms until disposed: the peak of a phase when
/// the kernel's own high-water mark (VmHWM) cannot be reset. Besides RSS it keeps the peak of the process's own
/// memory (<c>RssAnon</c>: heaps, stacks), which RSS holds together with the pages of the database file SQLite maps
/// (<c>RssFile</c>, up to its <c>mmap_size</c>: page cache the kernel takes back under pressure).
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Timer timer;
    private double peak;
    private double anonymousPeak;

    public MemorySampler(int pid)
    {
        timer = new Timer(_ => Sample(pid), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(200));
    }

    public double PeakMiB => Volatile.Read(ref peak);

    /// <summary>The peak of <c>RssAnon</c>, in MiB.</summary>
    public double AnonymousPeakMiB => Volatile.Read(ref anonymousPeak);

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

            var anonymous = LocalProcess.AnonymousMiB(pid);
            if (anonymous > Volatile.Read(ref anonymousPeak))
            {
                Volatile.Write(ref anonymousPeak, anonymous);
            }
        }
        catch (IOException)
        {
            // the process has ended
        }
    }
}
