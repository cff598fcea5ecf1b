using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Scorecard.Api.Auth;
using Scorecard.Infrastructure.Feeds.Model;

namespace Scorecard.Api.OData;

// One controller per entity set (the OData routing convention matches them by name); each GET,
// including /{set}/$count, a row by its key and every navigation from it, is served by the same
// translation to SQL. The key parameters are there for the convention to route by; the key itself is
// read, typed, from the parsed path.

[ApiExplorerSettings(IgnoreApi = true)]
[FeedErrors]
public sealed class UnitsController(FeedService feeds) : ODataController
{
    [HttpGet]
    public Task<IActionResult> Get(ODataQueryOptions<Unit> options, CancellationToken ct) =>
        feeds.ServeAsync(this, options, ct);

    [HttpGet]
    public Task<IActionResult> Get(string key, ODataQueryOptions<Unit> options, CancellationToken ct) =>
        feeds.ServeAsync(this, options, ct);

    [HttpGet]
    public Task<IActionResult> GetParent(string key, ODataQueryOptions<Unit> options, CancellationToken ct) =>
        feeds.ServeAsync(this, options, ct);

    [HttpGet]
    public Task<IActionResult> GetChildren(string key, ODataQueryOptions<Unit> options, CancellationToken ct) =>
        feeds.ServeAsync(this, options, ct);

    [HttpGet]
    public Task<IActionResult> GetSuccessors(string key, ODataQueryOptions<Unit> options, CancellationToken ct) =>
        feeds.ServeAsync(this, options, ct);

    [HttpGet]
    public Task<IActionResult> GetDossiers(string key, ODataQueryOptions<Dossier> options, CancellationToken ct) =>
        feeds.ServeAsync(this, options, ct);
}

[ApiExplorerSettings(IgnoreApi = true)]
[FeedErrors]
public sealed class ProceduresController(FeedService feeds) : ODataController
{
    [HttpGet]
    public Task<IActionResult> Get(ODataQueryOptions<Procedure> options, CancellationToken ct) =>
        feeds.ServeAsync(this, options, ct);

    [HttpGet]
    public Task<IActionResult> Get(string key, ODataQueryOptions<Procedure> options, CancellationToken ct) =>
        feeds.ServeAsync(this, options, ct);
}

[ApiExplorerSettings(IgnoreApi = true)]
[FeedErrors]
public sealed class DossiersController(FeedService feeds) : ODataController
{
    [HttpGet]
    public Task<IActionResult> Get(ODataQueryOptions<Dossier> options, CancellationToken ct) =>
        feeds.ServeAsync(this, options, ct);

    [HttpGet]
    public Task<IActionResult> Get(
        string keySource,
        string keyCode,
        ODataQueryOptions<Dossier> options,
        CancellationToken ct
    ) => feeds.ServeAsync(this, options, ct);

    [HttpGet]
    public Task<IActionResult> GetUnit(
        string keySource,
        string keyCode,
        ODataQueryOptions<Unit> options,
        CancellationToken ct
    ) => feeds.ServeAsync(this, options, ct);

    [HttpGet]
    public Task<IActionResult> GetProcedure(
        string keySource,
        string keyCode,
        ODataQueryOptions<Procedure> options,
        CancellationToken ct
    ) => feeds.ServeAsync(this, options, ct);
}

[ApiExplorerSettings(IgnoreApi = true)]
[FeedErrors]
public sealed class IndicatorsController(FeedService feeds) : ODataController
{
    [HttpGet]
    public Task<IActionResult> Get(ODataQueryOptions<Indicator> options, CancellationToken ct) =>
        feeds.ServeAsync(this, options, ct);

    [HttpGet]
    public Task<IActionResult> Get(string key, ODataQueryOptions<Indicator> options, CancellationToken ct) =>
        feeds.ServeAsync(this, options, ct);
}

[ApiExplorerSettings(IgnoreApi = true)]
[FeedErrors]
public sealed class TargetAssignmentsController(FeedService feeds) : ODataController
{
    [HttpGet]
    public Task<IActionResult> Get(ODataQueryOptions<TargetAssignment> options, CancellationToken ct) =>
        feeds.ServeAsync(this, options, ct);

    [HttpGet]
    public Task<IActionResult> Get(string key, ODataQueryOptions<TargetAssignment> options, CancellationToken ct) =>
        feeds.ServeAsync(this, options, ct);

    [HttpGet]
    public Task<IActionResult> GetUnit(string key, ODataQueryOptions<Unit> options, CancellationToken ct) =>
        feeds.ServeAsync(this, options, ct);

    [HttpGet]
    public Task<IActionResult> GetIndicator(string key, ODataQueryOptions<Indicator> options, CancellationToken ct) =>
        feeds.ServeAsync(this, options, ct);
}

[ApiExplorerSettings(IgnoreApi = true)]
[FeedErrors]
public sealed class IndicatorValuesController(FeedService feeds) : ODataController
{
    [HttpGet]
    public Task<IActionResult> Get(ODataQueryOptions<IndicatorValue> options, CancellationToken ct) =>
        feeds.ServeAsync(this, options, ct);

    [HttpGet]
    public Task<IActionResult> Get(
        string keyUnitCode,
        string keyIndicatorCode,
        string keyPeriod,
        string keyStructure,
        ODataQueryOptions<IndicatorValue> options,
        CancellationToken ct
    ) => feeds.ServeAsync(this, options, ct);

    [HttpGet]
    public Task<IActionResult> GetUnit(
        string keyUnitCode,
        string keyIndicatorCode,
        string keyPeriod,
        string keyStructure,
        ODataQueryOptions<Unit> options,
        CancellationToken ct
    ) => feeds.ServeAsync(this, options, ct);

    [HttpGet]
    public Task<IActionResult> GetIndicator(
        string keyUnitCode,
        string keyIndicatorCode,
        string keyPeriod,
        string keyStructure,
        ODataQueryOptions<Indicator> options,
        CancellationToken ct
    ) => feeds.ServeAsync(this, options, ct);
}

[ApiExplorerSettings(IgnoreApi = true)]
[FeedErrors]
public sealed class IndexScoresController(FeedService feeds) : ODataController
{
    [HttpGet]
    public Task<IActionResult> Get(ODataQueryOptions<IndexScore> options, CancellationToken ct) =>
        feeds.ServeAsync(this, options, ct);

    [HttpGet]
    public Task<IActionResult> Get(
        string keyUnitCode,
        string keyPeriod,
        string keyCode,
        string keyStructure,
        ODataQueryOptions<IndexScore> options,
        CancellationToken ct
    ) => feeds.ServeAsync(this, options, ct);

    [HttpGet]
    public Task<IActionResult> GetUnit(
        string keyUnitCode,
        string keyPeriod,
        string keyCode,
        string keyStructure,
        ODataQueryOptions<Unit> options,
        CancellationToken ct
    ) => feeds.ServeAsync(this, options, ct);
}

/// <summary>The audit trail, for admin keys only; read only like every feed.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
[FeedErrors]
[Authorize(Policy = Roles.AdminPolicy)]
public sealed class AuditEntriesController(FeedService feeds) : ODataController
{
    [HttpGet]
    public Task<IActionResult> Get(ODataQueryOptions<AuditEntry> options, CancellationToken ct) =>
        feeds.ServeAsync(this, options, ct);
}
