using System.Text.Json.Nodes;
using Riposte.Stix;
using Riposte.Stix.Markings;
using Riposte.Storage;

namespace Riposte.Incidents.Tests.Support;

/// <summary>Objects tests need in the store: member identities, actors, a detection finding.</summary>
internal static class Fixtures
{
    public static StixObject Identity(IStixStore store, string id, string name)
    {
        var identity = StixObjectBuilder.Create("identity").Id(id).Set("name", name).Set("identity_class", "organization").Markings(TlpMarkings.ClearId).Build();
        store.Put([identity]);
        return identity;
    }

    public static StixObject ThreatActor(IStixStore store, string name, string tlp = TlpMarkings.GreenId)
    {
        var actor = StixObjectBuilder.Create("threat-actor").Set("name", name).Set("threat_actor_types", new[] { "nation-state" }).Markings(tlp).Build();
        store.Put([actor]);
        return actor;
    }

    /// <summary>A finding shaped as detection writes it: accounts, observed data, a grouping, related-to DISARM.</summary>
    public static StixObject Finding(IStixStore store, string attackPatternId)
    {
        var account = new JsonObject { ["type"] = "user-account", ["spec_version"] = "2.1", ["account_type"] = "telegram", ["user_id"] = "1001" };
        account["id"] = ScoIds.Compute(account);
        var accountObj = new StixObject(account);
        var observed = StixObjectBuilder.Create("observed-data")
            .Set("first_observed", "2026-10-01T00:00:00Z").Set("last_observed", "2026-10-02T00:00:00Z").Set("number_observed", 12)
            .Set("object_refs", new[] { accountObj.Id }).Labels("co-link").Build();
        var grouping = StixObjectBuilder.Create("grouping").Set("name", "Coordinated accounts c1 (co-link)")
            .Set("description", "12 accounts acting in concert").Set("context", "suspicious-activity").Labels("candidate-finding")
            .Set("object_refs", new[] { accountObj.Id, observed.Id }).Build();
        var related = StixObjectBuilder.Relationship("related-to", grouping.Id, attackPatternId).Build();
        store.Put([accountObj, observed, grouping, related]);
        return grouping;
    }
}
