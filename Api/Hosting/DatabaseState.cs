namespace Scorecard.Api.Hosting;

/// <summary>Whether start-up has migrated the database, and why not if it failed.</summary>
internal sealed class DatabaseState
{
    private volatile bool migrated;
    private volatile string? lastError;

    public bool IsMigrated => migrated;

    public string? LastError => lastError;

    public void MarkMigrated()
    {
        lastError = null;
        migrated = true;
    }

    public void MarkFailed(string error) => lastError = error;
}
