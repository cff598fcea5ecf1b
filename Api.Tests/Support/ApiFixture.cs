namespace Scorecard.Api.Tests.Support;

/// <summary>A fixture running the application on its own temporary database, with an admin client; subclasses seed what
/// they need.</summary>
public abstract class ApiFixture
{
    protected ScorecardFactory Factory { get; private set; } = null!;

    protected HttpClient Admin { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartApiAsync()
    {
        Factory = new ScorecardFactory();
        Admin = Factory.AdminClient();
        await SeedAsync();
    }

    [OneTimeTearDown]
    public void StopApi()
    {
        Admin.Dispose();
        Factory.Dispose();
    }

    protected virtual Task SeedAsync() => Task.CompletedTask;
}
