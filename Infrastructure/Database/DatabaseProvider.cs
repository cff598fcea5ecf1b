namespace Scorecard.Infrastructure.Database;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
