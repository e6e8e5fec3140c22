using Riposte.Incidents.Services;
using Riposte.Incidents.Tests.Support;
using Riposte.Stix.Validation;

namespace Riposte.Incidents.Tests;

/// <summary>Clearing dates on update (an empty string clears, null keeps) and the threat-actor service the UI forms use.</summary>
public sealed class ClearingAndActorTests : IDisposable
{
    private const string Owner = "identity--00000000-0000-4000-8000-0000000000a1";
    private readonly IncidentsHarness _node = new(loadDisarm: false);

    [Fact]
    public void UpdateIncident_EmptyFirstSeen_ClearsItAndKeepsLastSeen()
    {
        var incidents = _node.Get<IncidentService>();
        var created = incidents.Create(IncidentsHarness.Analyst, new IncidentInput
        {
            Name = "dated", Category = "information-manipulation", FirstSeen = "2026-10-01T00:00:00Z", LastSeen = "2026-10-03T00:00:00Z",
        });

        var updated = incidents.Update(IncidentsHarness.Analyst, created.Id, created.Version!.Value.Text, new IncidentInput { FirstSeen = "" });

        Assert.Null(IncidentService.DetailsOf(updated).FirstSeen);
        Assert.Equal("2026-10-03T00:00:00Z", IncidentService.DetailsOf(updated).LastSeen);
        Assert.Contains("first_seen", EditRecord.Of(updated).Changed);
    }

    [Fact]
    public void UpdateIncident_NullDates_KeepsThem()
    {
        var incidents = _node.Get<IncidentService>();
        var created = incidents.Create(IncidentsHarness.Analyst, new IncidentInput { Name = "dated", Category = "information-manipulation", FirstSeen = "2026-10-01T00:00:00Z" });

        var updated = incidents.Update(IncidentsHarness.Analyst, created.Id, created.Version!.Value.Text, new IncidentInput { Name = "renamed" });

        Assert.Equal("2026-10-01T00:00:00Z", IncidentService.DetailsOf(updated).FirstSeen);
    }

    [Fact]
    public void UpdateResponse_EmptyStopTime_RemovesItAndStaysValid()
    {
        Fixtures.Identity(_node.Store, Owner, "Member A");
        var responses = _node.Get<ResponseService>();
        var created = responses.Create(IncidentsHarness.Analyst, new ResponseInput
        {
            Name = "Statement", Kind = "joint-statement", OwnerRef = Owner, StartTime = "2026-10-01T00:00:00Z", StopTime = "2026-10-02T00:00:00Z",
        });

        var updated = responses.Update(IncidentsHarness.Analyst, created.Id, created.Version!.Value.Text, new ResponseInput { StopTime = "" });

        Assert.Null(updated.GetString("stop_time"));
        Assert.Equal("2026-10-01T00:00:00Z", updated.GetString("start_time"));
        Assert.True(StixValidator.Validate(updated).IsValid);
    }

    [Fact]
    public void UpdateResponse_UnreadableStartTime_NamesTheField()
    {
        Fixtures.Identity(_node.Store, Owner, "Member A");
        var responses = _node.Get<ResponseService>();
        var created = responses.Create(IncidentsHarness.Analyst, new ResponseInput { Name = "Statement", Kind = "joint-statement", OwnerRef = Owner });

        var error = Assert.Throws<InputInvalidException>(() => responses.Update(IncidentsHarness.Analyst, created.Id, created.Version!.Value.Text, new ResponseInput { StartTime = "yesterday" }));

        Assert.Equal(["startTime"], error.Errors.Keys);
    }

    [Fact]
    public void CreateActor_Valid_IsAValidThreatActorWithTypesAndAliases()
    {
        var actors = _node.Get<ThreatActorService>();

        var actor = actors.Create(IncidentsHarness.Analyst, new ThreatActorInput { Name = "Storm-1516", Types = ["nation-state"], Aliases = ["CopyCop"], Tlp = "green" });

        Assert.Equal("threat-actor", actor.Type);
        Assert.Equal(["nation-state"], actor.GetStrings("threat_actor_types"));
        Assert.Equal(["CopyCop"], actor.GetStrings("aliases"));
        Assert.True(StixValidator.Validate(actor).IsValid, string.Join("; ", StixValidator.Validate(actor).Errors));
    }

    [Fact]
    public void CreateActor_NoNameAndBadType_NamesBothFields()
    {
        var error = Assert.Throws<InputInvalidException>(() => _node.Get<ThreatActorService>().Create(IncidentsHarness.Analyst, new ThreatActorInput { Types = ["Nation State"] }));

        Assert.Contains("name", error.Errors.Keys);
        Assert.Contains("types[0]", error.Errors.Keys);
    }

    [Fact]
    public void UpdateActor_EmptyAliases_ClearsThem()
    {
        var actors = _node.Get<ThreatActorService>();
        var actor = actors.Create(IncidentsHarness.Analyst, new ThreatActorInput { Name = "Actor", Aliases = ["A"] });

        var updated = actors.Update(IncidentsHarness.Analyst, actor.Id, actor.Version!.Value.Text, new ThreatActorInput { Aliases = [] });

        Assert.Empty(updated.GetStrings("aliases"));
        Assert.Equal("Actor", updated.Name);
    }

    [Fact]
    public void CreateActor_Partner_IsForbidden() =>
        Assert.Throws<ForbiddenException>(() => _node.Get<ThreatActorService>().Create(IncidentsHarness.PartnerUser, new ThreatActorInput { Name = "x" }));

    [Fact]
    public void GetActor_AmberForPartner_IsNotFound()
    {
        var actor = _node.Get<ThreatActorService>().Create(IncidentsHarness.Analyst, new ThreatActorInput { Name = "Hidden actor", Tlp = "amber" });

        Assert.Throws<ObjectNotFoundException>(() => _node.Get<ThreatActorService>().Get(IncidentsHarness.PartnerUser, actor.Id));
    }

    public void Dispose() => _node.Dispose();
}
