using System.Text.Json.Nodes;
using Riposte.Incidents.Services;
using Riposte.Incidents.Tests.Support;
using Riposte.Stix;
using Riposte.Stix.Markings;

namespace Riposte.Incidents.Tests;

/// <summary>A tip that carries a STIX bundle: valid objects are imported on acceptance, bad ones reported by JSON path.</summary>
public sealed class TipBundleTests : IDisposable
{
    private readonly IncidentsHarness _node = new();

    private static StixObject Actor(string name, string tlp = TlpMarkings.AmberId) =>
        StixObjectBuilder.Create("threat-actor").Set("name", name).Set("threat_actor_types", new[] { "nation-state" }).Markings(tlp).Build();

    private static string Bundle(params JsonNode[] objects) => new JsonObject
    {
        ["type"] = "bundle",
        ["id"] = "bundle--" + Guid.NewGuid().ToString(),
        ["objects"] = new JsonArray(objects),
    }.ToJsonString();

    private static JsonNode Invalid() => new JsonObject
    {
        ["type"] = "threat-actor",
        ["spec_version"] = "2.1",
        ["id"] = "threat-actor--" + Guid.NewGuid().ToString(),
        ["created"] = "2026-01-01T00:00:00Z",
        ["modified"] = "2026-01-01T00:00:00Z",
    };

    private StixObject Incident() =>
        _node.Get<IncidentService>().Create(IncidentsHarness.Analyst, new IncidentInput { Name = "Forged memo", Category = "information-manipulation" });

    [Fact]
    public void Submit_BundleWithOneInvalidObject_KeepsTheTipAndNamesThePath()
    {
        var tip = _node.Get<TipService>().Submit(IncidentsHarness.OutreachUser, new TipInput
        {
            Text = "Actors behind the forged memo",
            Bundle = Bundle(Actor("Storm-1516").Json.DeepClone(), Invalid()),
        });

        var paths = tip.Json["bundle_failures"]!.AsArray().Select(f => f!["path"]!.GetValue<string>()).ToList();
        Assert.Contains("$.objects[1].name", paths);
        Assert.All(paths, p => Assert.StartsWith("$.objects[1]", p, StringComparison.Ordinal));
        Assert.Equal(2, tip.Json["bundle_object_count"]!.GetValue<long>());
    }

    [Fact]
    public void Submit_BundleWithOnlyInvalidObjects_IsRejectedNamingEachPath()
    {
        var error = Assert.Throws<InputInvalidException>(() => _node.Get<TipService>().Submit(IncidentsHarness.OutreachUser, new TipInput
        {
            Bundle = Bundle(Invalid(), new JsonObject { ["type"] = "indicator" }),
        }));

        Assert.Contains("bundle.objects[0].name", error.Errors.Keys);
        Assert.Contains(error.Errors.Keys, k => k.StartsWith("bundle.objects[1]", StringComparison.Ordinal));
    }

    [Fact]
    public void Accept_TipWithBundle_ImportsTheValidObjectsAsEvidenceAndRecordsTheRest()
    {
        var actor = Actor("Storm-1516");
        var tips = _node.Get<TipService>();
        var tip = tips.Submit(IncidentsHarness.OutreachUser, new TipInput { Text = "t", Bundle = Bundle(actor.Json.DeepClone(), Invalid()) });
        var incident = Incident();

        var accepted = tips.Accept(IncidentsHarness.Analyst, tip.Id, incident.Id);

        Assert.NotNull(_node.Store.GetLatest(actor.Id));
        Assert.Equal(1, accepted.Json["bundle_imported_count"]!.GetValue<long>());
        Assert.Equal([actor.Id], accepted.GetStrings("imported_object_refs"));
        Assert.Contains(accepted.Json["bundle_failures"]!.AsArray(), f => f!["path"]!.GetValue<string>() == "$.objects[1].name");
        var evidence = _node.Get<IncidentService>().View(IncidentsHarness.Analyst, incident.Id).Evidence;
        Assert.Contains(evidence, e => e.Kind == "stix" && e.Ref == actor.Id && e.Sha256 == ObjectHashes.Of(actor));
    }

    [Fact]
    public void Accept_BundleWithANewVersionOfAStoredObject_LeavesTheStoredObjectAlone()
    {
        var stored = Fixtures.ThreatActor(_node.Store, "Storm-1516");
        var rewritten = StixObjectBuilder.From(stored).Set("name", "Someone else").Set("modified", "2099-01-01T00:00:00.000Z").Build();
        var tips = _node.Get<TipService>();
        var tip = tips.Submit(IncidentsHarness.OutreachUser, new TipInput { Text = "t", Bundle = Bundle(rewritten.Json.DeepClone()) });

        var accepted = tips.Accept(IncidentsHarness.Analyst, tip.Id, Incident().Id);

        Assert.Equal("Storm-1516", _node.Store.GetLatest(stored.Id)!.Object.Name);
        Assert.Equal(0, accepted.Json["bundle_imported_count"]!.GetValue<long>());
        Assert.Contains("does not change existing objects", accepted.Json["bundle_failures"]![0]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Get_AcceptedTipBySubmitter_DoesNotDiscloseImportedObjectsTheyMayNotSee()
    {
        // AMBER objects of the node: the outreach submitter's organisation is not the node's.
        var actor = Actor("Storm-1516");
        var tips = _node.Get<TipService>();
        var tip = tips.Submit(IncidentsHarness.OutreachUser, new TipInput { Text = "t", Bundle = Bundle(actor.Json.DeepClone()) });
        tips.Accept(IncidentsHarness.Analyst, tip.Id, Incident().Id);

        var seenBySubmitter = tips.Get(IncidentsHarness.OutreachUser, tip.Id);

        Assert.Equal("accepted", seenBySubmitter.GetString("status"));
        Assert.Empty(seenBySubmitter.GetStrings("imported_object_refs"));
        Assert.Equal([actor.Id], tips.Get(IncidentsHarness.Analyst, tip.Id).GetStrings("imported_object_refs"));
    }

    public void Dispose() => _node.Dispose();
}
