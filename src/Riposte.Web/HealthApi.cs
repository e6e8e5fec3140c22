using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Riposte.Storage;

namespace Riposte.Web;

/// <summary>Liveness and readiness for operators and load balancers.</summary>
public static class HealthApi
{
    public sealed record HealthReport(string Status, string Version, long Objects);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth).WithName("Health").WithTags("Operations").AllowAnonymous();
        return app;
    }

    private static Ok<HealthReport> GetHealth(IStixStore store)
    {
        var stats = store.Stats();
        var version = typeof(HealthApi).Assembly.GetName().Version?.ToString() ?? "0.0.0";
        return TypedResults.Ok(new HealthReport("ok", version, stats.Objects));
    }
}
