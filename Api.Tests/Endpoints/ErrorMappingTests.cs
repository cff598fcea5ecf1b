using System.Net;
using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OData;
using Scorecard.Api.OData;
using Scorecard.Api.Tests.Support;
using Scorecard.Infrastructure.Feeds;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>Exceptions mapped by their type to problem documents that say what was wrong, where, and nothing of the
/// internals.</summary>
public sealed class ErrorMappingTests : ApiFixture
{
    [Test]
    public async Task Route_WhenAValueCannotBeBound_Is400NamingTheParameter()
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await Admin.DeleteAsync(new Uri("/api/calendar/abc", UriKind.Relative)),
            HttpStatusCode.BadRequest
        );

        Assert.That(
            problem.GetProperty("detail").GetString(),
            Is.EqualTo("'date' must be a date such as 2025-01-31; got 'abc'.")
        );
    }

    [Test]
    public async Task Body_WhenAValueHasTheWrongType_Is400NamingWhereWithoutClrTypes()
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await Admin.PutAsync("/api/units", ProblemAssert.Json("""[{"code":1}]""")),
            HttpStatusCode.BadRequest
        );

        Assert.That(
            problem.GetProperty("detail").GetString(),
            Is.EqualTo(
                "The request body is not valid JSON at '$[0].code' (line 1, position 11): the value has the "
                    + "wrong type or format."
            )
        );
        Assert.That(problem.GetProperty("field").GetString(), Is.EqualTo("$[0].code"));
    }

    [Test]
    public async Task Body_WhenNotWellFormed_Is400WithTheReadersReasonAndThePositionOnce()
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await Admin.PutAsync("/api/units", ProblemAssert.Json("""[{"code" 1}]""")),
            HttpStatusCode.BadRequest
        );

        var detail = problem.GetProperty("detail").GetString();
        Assert.That(detail, Does.StartWith("The request body is not valid JSON at '$[0]' (line 1, position 10): "));
        Assert.That(detail, Does.Not.Contain("LineNumber").And.Not.Contain("Path:"));
    }

    [TestCase("FeedQueryException")]
    [TestCase("ODataException")]
    public async Task TryHandleAsync_WhenAFeedQueryIsRefusedOutsideTheFeeds_Is400ODataError(string kind)
    {
        Exception refused =
            kind == "ODataException"
                ? new ODataException("The query is not supported.")
                : new FeedQueryException("The query is not supported.");
        var handler = Factory.Services.GetServices<IExceptionHandler>().Single();
        var http = new DefaultHttpContext { RequestServices = Factory.Services };
        http.Request.Path = "/odata/Dossiers";
        http.Response.Body = new MemoryStream();

        var handled = await handler.TryHandleAsync(http, refused, CancellationToken.None);

        Assert.That(handled, Is.True);
        Assert.That(http.Response.StatusCode, Is.EqualTo(StatusCodes.Status400BadRequest));
        Assert.That(
            Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray()),
            Does.Contain("\"message\":\"The query is not supported.\"")
        );
    }
}
