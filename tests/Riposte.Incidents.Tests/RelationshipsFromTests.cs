using Riposte.Incidents.Services;
using Riposte.Incidents.Tests.Support;

namespace Riposte.Incidents.Tests;

/// <summary>ObjectWorkspace.RelationshipsFrom: the relationships of many sources in a bounded number of store queries, through the gate.</summary>
public sealed class RelationshipsFromTests : IDisposable
{
    private readonly IncidentsHarness _node = new();

    [Fact]
    public void RelationshipsFrom_MoreSourcesThanOneQueryTakes_FindsThoseOfEveryChunk()
    {
        var incidents = _node.Get<IncidentService>();
        var tagged = incidents.Create(IncidentsHarness.Analyst, new IncidentInput { Name = "tagged", Category = "information-manipulation", Tlp = "green" });
        incidents.TagTechnique(IncidentsHarness.Analyst, tagged.Id, "T0049.003", null, null);
        // The tagged incident comes after a full chunk of ids without relationships.
        var sources = Enumerable.Range(0, ObjectWorkspace.SourcesPerQuery).Select(i => $"incident--00000000-0000-4000-8000-{i:x12}").Append(tagged.Id).ToList();

        var found = _node.Get<ObjectWorkspace>().RelationshipsFrom(IncidentsHarness.Analyst, sources, "uses");

        Assert.Equal(tagged.Id, Assert.Single(found).GetString("source_ref"));
    }

    [Fact]
    public void RelationshipsFrom_AmberIncidentsTechniques_AreHiddenFromThePartner()
    {
        var incidents = _node.Get<IncidentService>();
        var amber = incidents.Create(IncidentsHarness.Analyst, new IncidentInput { Name = "amber", Category = "information-manipulation", Tlp = "amber" });
        var green = incidents.Create(IncidentsHarness.Analyst, new IncidentInput { Name = "green", Category = "information-manipulation", Tlp = "green" });
        incidents.TagTechnique(IncidentsHarness.Analyst, amber.Id, "T0049.003", null, null);
        incidents.TagTechnique(IncidentsHarness.Analyst, green.Id, "T0087", null, null);
        incidents.UntagTechnique(IncidentsHarness.Analyst, green.Id, "T0087");
        incidents.TagTechnique(IncidentsHarness.Analyst, green.Id, "T0085.004", null, null);

        var workspace = _node.Get<ObjectWorkspace>();
        var analyst = workspace.RelationshipsFrom(IncidentsHarness.Analyst, [amber.Id, green.Id], "uses");
        var partner = workspace.RelationshipsFrom(IncidentsHarness.PartnerUser, [amber.Id, green.Id], "uses");

        Assert.Equal(2, analyst.Count);
        Assert.Equal(green.Id, Assert.Single(partner).GetString("source_ref"));
        Assert.Empty(workspace.RelationshipsFrom(IncidentsHarness.Analyst, [amber.Id], "attributed-to"));
    }

    public void Dispose() => _node.Dispose();
}
