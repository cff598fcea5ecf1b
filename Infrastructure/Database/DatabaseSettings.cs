using Scorecard.Infrastructure.Sqlite;
using Scorecard.Infrastructure.SqlServer;

namespace Scorecard.Infrastructure.Database;

/// <summary>Where the data lives: read from <c>Database:Provider</c> and <c>ConnectionStrings:*</c>.</summary>
public sealed record DatabaseSettings(
    DatabaseProvider Provider,
    string ConnectionString,
    string ReadOnlyConnectionString
)
{
    /// <summary>What differs between the databases, for this provider.</summary>
    public IDatabaseDialect Dialect =>
        Provider == DatabaseProvider.Sqlite ? SqliteDialect.Instance : SqlServerDialect.Instance;

    public const string DefaultSqlitePath = "data/scorecard.db";

    /// <summary>
    /// Builds the settings, rejecting an unknown provider name with a message that lists the known ones.
    /// SQLite defaults to <see cref="DefaultSqlitePath"/>; a relative SQLite path is resolved against
    /// <paramref name="baseDirectory"/> (the service's content root) and its directory is created.
    /// </summary>
    public static DatabaseSettings Create(
        string? provider,
        string? connectionString,
        string? readOnlyConnectionString,
        string? baseDirectory = null
    )
    {
        var name = string.IsNullOrWhiteSpace(provider) ? nameof(DatabaseProvider.Sqlite) : provider.Trim();
        if (!Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var parsed) || int.TryParse(name, out _))
        {
            throw new InvalidOperationException(
                $"Database:Provider '{name}' is not supported; use one of: "
                    + $"{string.Join(", ", Enum.GetNames<DatabaseProvider>())}."
            );
        }

        if (parsed == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "Database:Provider is SqlServer but ConnectionStrings:Scorecard is empty."
            );
        }

        var primary =
            parsed == DatabaseProvider.Sqlite
                ? SqliteConnections.Normalise(connectionString ?? $"Data Source={DefaultSqlitePath}", baseDirectory)
                : connectionString!;
        var readOnly =
            string.IsNullOrWhiteSpace(readOnlyConnectionString) ? primary
            : parsed == DatabaseProvider.Sqlite ? SqliteConnections.Normalise(readOnlyConnectionString, baseDirectory)
            : readOnlyConnectionString;
        return new DatabaseSettings(parsed, primary, readOnly);
    }
}
