using Microsoft.AspNetCore.OData;
using Microsoft.EntityFrameworkCore;
using Microsoft.OData.ModelBuilder;
using Scorecard.BenchPeer;

// A peer implementation for benchmarks: the OData entity set Dossiers served by EF Core and
// [EnableQuery] over the service's SQLite file, read only. No authentication: bind it to loopback.
// ConnectionStrings__Scorecard="Data Source=/path/file.db" dotnet Scorecard.BenchPeer.dll [--urls
// http://127.0.0.1:5081] [--Peer:PageSize 1000]
var builder = WebApplication.CreateBuilder(
    new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory }
);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5081");
}

var connectionString = builder.Configuration.GetConnectionString("Scorecard")
    ?? throw new InvalidOperationException("Set ConnectionStrings__Scorecard, e.g. 'Data Source=/path/file.db'.");
var peer = builder.Configuration.GetSection("Peer").Get<PeerOptions>() ?? new PeerOptions();
builder.Services.Configure<PeerOptions>(builder.Configuration.GetSection("Peer"));

builder.Services.AddDbContext<PeerDbContext>(options =>
    options.UseSqlite(connectionString).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
);

builder
    .Services.AddControllers()
    .AddOData(options =>
        options.AddRouteComponents("odata", EdmModel()).Select().Filter().OrderBy().Count().SetMaxTop(peer.MaxTop)
    );

var app = builder.Build();
app.MapControllers();
await app.RunAsync().ConfigureAwait(false);

static Microsoft.OData.Edm.IEdmModel EdmModel()
{
    var model = new ODataConventionModelBuilder { Namespace = "Scorecard", ContainerName = "Container" };
    var dossier = model.EntitySet<Dossier>("Dossiers").EntityType;
    dossier.Namespace = "Scorecard";
    dossier.HasKey(d => d.Code);
    dossier.Property(d => d.Code).IsRequired();
    dossier.Property(d => d.ProcedureCode).IsRequired();
    dossier.Property(d => d.UnitCode).IsRequired();
    dossier.Property(d => d.Channel).IsRequired();
    dossier.Property(d => d.Status).IsRequired();
    return model.GetEdmModel();
}
