using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Riposte.Access;
using Riposte.Federation.Border;
using Riposte.Taxii.Auth;

namespace Riposte.Federation.Stream;

/// <summary>
/// Who may read which collections through the federation endpoints (stream and provenance): the gate's
/// collection grants, and for a caller whose organisation is a registered peer, that peer's agreement too.
/// </summary>
internal static class FeedAccess
{
    /// <summary>Names a federation endpoint and requires TAXII authentication (Basic or Bearer) for it.</summary>
    public static RouteHandlerBuilder AsFederationEndpoint(this RouteHandlerBuilder route, string name) =>
        route.WithTags("Federation").WithName(name)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = TaxiiAuthenticationHandler.SchemeName });

    /// <summary>The <c>collection</c> query values, distinct, blanks dropped.</summary>
    public static List<string> Collections(HttpRequest request) =>
        [.. request.Query["collection"].Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!).Distinct(StringComparer.Ordinal)];

    /// <summary>Answers 400 (no collection named) or 403 when the caller may not read these collections; true when it did.</summary>
    public static async Task<bool> RefusedAsync(HttpContext context, IServiceProvider services, Principal principal, IReadOnlyList<string> collections)
    {
        if (Check(services, principal, collections) is not { } refused)
            return false;
        await Results.Problem(refused, statusCode: collections.Count == 0 ? 400 : 403).ExecuteAsync(context);
        return true;
    }

    /// <summary>Why a collection is refused to the caller (null: all allowed).</summary>
    public static string? Check(IServiceProvider services, Principal principal, IReadOnlyList<string> collections)
    {
        if (collections.Count == 0)
            return "name at least one collection: ?collection=<id>";
        var agreement = services.GetRequiredService<PeerDirectory>().ForOrganization(principal.OrganizationId);
        using var scope = services.CreateScope();
        var gate = scope.ServiceProvider.GetRequiredService<IAccessGate>();
        foreach (var collection in collections)
        {
            if (!gate.CanReadCollection(principal, collection))
                return $"you may not read collection '{collection}'";
            if (agreement is not null && !agreement.OutCollections.Contains(collection, StringComparer.Ordinal))
                return $"collection '{collection}' is not in this node's agreement with peer '{agreement.Name}'";
        }
        return null;
    }
}
