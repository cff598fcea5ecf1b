using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Api.Hosting;

/// <summary>
/// Tells the event writer that a batch is on its way as soon as an authorised push arrives, before
/// its body is read and validated, so that the writer can let it join the commit it is about to
/// make (see <see cref="DossierEventWriter.MaxGather"/>). The announcement ends when the batch is
/// queued or the request ends, whichever comes first.
/// </summary>
internal static class IngestionArrivals
{
    public const string Route = "/api/dossier-events";

    public static IApplicationBuilder UseIngestionArrivals(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Equals(Route, StringComparison.OrdinalIgnoreCase))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            using var arrival = context.RequestServices.GetRequiredService<DossierEventWriter>().Announce();
            context.Features.Set(arrival);
            await next(context).ConfigureAwait(false);
        });
}
