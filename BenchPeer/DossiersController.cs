using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Routing.Controllers;

namespace Scorecard.BenchPeer;

/// <summary><c>GET /odata/Dossiers</c> and <c>GET /odata/Dossiers/$count</c>: the query options are applied by
/// [EnableQuery] and run in SQL by EF Core.</summary>
public sealed class DossiersController : ODataController
{
    private readonly PeerDbContext db;

    public DossiersController(PeerDbContext db) => this.db = db;

    [PagedQuery]
    public IQueryable<Dossier> Get() => db.DossierView;
}
