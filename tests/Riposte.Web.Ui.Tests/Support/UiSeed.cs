using Microsoft.Extensions.DependencyInjection;
using Riposte.Access;
using Riposte.Incidents.Services;
using Riposte.Stix;

namespace Riposte.Web.Ui.Tests.Support;

/// <summary>Objects made through the incident services as the node's analyst, for form tests to edit.</summary>
internal static class UiSeed
{
    public static StixObject As<TService>(UiNode node, Func<TService, Principal, StixObject> make) where TService : notnull
    {
        using var scope = node.Services.CreateScope();
        var analyst = UserService.PrincipalOf(scope.ServiceProvider.GetRequiredService<UserService>().GetByName("analyst")!);
        return make(scope.ServiceProvider.GetRequiredService<TService>(), analyst);
    }

    public static StixObject Latest(UiNode node, string id)
    {
        using var scope = node.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<Riposte.Storage.IStixStore>().GetLatest(id)!.Object;
    }

    /// <summary>Whether the store holds (any version of) an object of the type with that name or title, whoever may see it.</summary>
    public static bool Stored(UiNode node, string type, string name)
    {
        using var scope = node.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<Riposte.Storage.IStixStore>()
            .Query(new Riposte.Storage.StixQuery { Types = [type], Versions = Riposte.Storage.VersionFilter.All })
            .Any(o => o.Object.Name == name || o.Object.GetString("abstract") == name);
    }

    public static StixObject Incident(UiNode node, string name, string tlp = "amber") =>
        As<IncidentService>(node, (s, p) => s.Create(p, new IncidentInput { Name = name, Category = "information-manipulation", Tlp = tlp }));

    public static StixObject Response(UiNode node, string incidentId, string name, string tlp = "amber", string? stopTime = null) =>
        As<ResponseService>(node, (s, p) => s.Create(p, new ResponseInput
        {
            Name = name, Kind = "joint-statement", OwnerRef = node.NodeOrg, IncidentRefs = [incidentId], Tlp = tlp,
            StartTime = "2026-10-01T08:00:00Z", StopTime = stopTime,
        }));
}
