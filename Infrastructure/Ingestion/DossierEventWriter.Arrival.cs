namespace Scorecard.Infrastructure.Ingestion;

public sealed partial class DossierEventWriter
{
    /// <summary>A request bringing a batch, on its way to the queue; disposing it (or queuing its batch) ends that.</summary>
    public sealed class Arrival : IDisposable
    {
        private readonly DossierEventWriter writer;
        private int ended;

        internal Arrival(DossierEventWriter writer) => this.writer = writer;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref ended, 1) == 0)
            {
                writer.Arrived();
            }
        }
    }
}
