using Riposte.Incidents.Services;
using Riposte.Incidents.Tests.Support;
using Riposte.Stix.Markings;

namespace Riposte.Incidents.Tests;

/// <summary>References inside the incident extension never disclose an object the reader may not see.</summary>
public sealed class EvidenceVisibilityTests : IDisposable
{
    private readonly IncidentsHarness _node = new();

    [Fact]
    public void Get_GreenIncidentWithAmberEvidenceAndNarrative_OtherMemberSeesNeitherId()
    {
        var actor = Fixtures.ThreatActor(_node.Store, "Storm-1516", TlpMarkings.AmberId);
        var narrative = _node.Get<NarrativeService>().CreateNarrative(IncidentsHarness.Analyst, new NarrativeInput { Name = "The dam will burst", Tlp = "amber" });
        var incidents = _node.Get<IncidentService>();
        var incident = incidents.Create(IncidentsHarness.Analyst, new IncidentInput
        {
            Name = "Forged memo",
            Category = "information-manipulation",
            Tlp = "green",
            NarrativeRefs = [narrative.Id],
            Evidence = [new EvidenceInput("stix", actor.Id, new string('a', 64), "the actor's channel"), new EvidenceInput("link", "https://t.me/fake")],
        });

        var member = _node.Get<IncidentService>().View(IncidentsHarness.MemberAnalyst, incident.Id);
        var analyst = _node.Get<IncidentService>().View(IncidentsHarness.Analyst, incident.Id);

        Assert.DoesNotContain(actor.Id, member.Stix.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(narrative.Id, member.Stix.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["https://t.me/fake"], member.Evidence.Select(e => e.Ref));
        Assert.Equal([actor.Id, "https://t.me/fake"], analyst.Evidence.Select(e => e.Ref));
        Assert.Equal([narrative.Id], analyst.NarrativeRefs);
    }

    public void Dispose() => _node.Dispose();
}
