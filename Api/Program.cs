using Scorecard.Api.Cli;
using Scorecard.Api.Hosting;
using Scorecard.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseScorecardServerLimits();
builder.Logging.AddScorecardLogging(builder.Environment);
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddScorecardApi(builder.Configuration);
var app = builder.Build();
app.UseScorecard();

if (CommandLine.VerbOf(args) is { } verb)
{
    var code = await CommandLine.RunAsync(app, verb, args);
    await app.DisposeAsync();
    return code;
}

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the in-process test host.</summary>
public partial class Program;
