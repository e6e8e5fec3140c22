using Riposte.Incidents.Model;
using Riposte.Incidents.Services;
using Riposte.Incidents.Tests.Support;
using Riposte.Stix.Validation;

namespace Riposte.Incidents.Tests;

public sealed class IncidentServiceTests : IDisposable
{
    private readonly IncidentsHarness _node = new();

    private static IncidentInput ValidInput => new()
    {
        Name = "Fake ministry statements before the vote",
        Category = "election-interference",
        Subcategories = ["impersonation"],
        FirstSeen = "2026-10-01T00:00:00Z",
        Languages = ["fr", "ru"],
        Platforms = ["telegram"],
    };

    [Fact]
    public void Create_ValidInput_StoresValidIncidentWithExtensionAndEditor()
    {
        var incidents = _node.Get<IncidentService>();

        var created = incidents.Create(IncidentsHarness.Analyst, ValidInput);

        Assert.Equal("incident", created.Type);
        Assert.True(StixValidator.Validate(created).IsValid, string.Join("; ", StixValidator.Validate(created).Errors));
        var details = IncidentService.DetailsOf(created);
        Assert.Equal(ThreatCategory.ElectionInterference, details.Category);
        Assert.Equal(IncidentStatus.Draft, details.Status);
        Assert.Equal("user--analyst-a", EditRecord.Of(created).EditedBy);
        Assert.Equal(IncidentsHarness.NodeOrg, created.CreatedByRef);
    }

    [Fact]
    public void Create_MissingNameAndBadCategory_NamesEachFieldAndReason()
    {
        var incidents = _node.Get<IncidentService>();

        var error = Assert.Throws<InputInvalidException>(() => incidents.Create(IncidentsHarness.Analyst, ValidInput with
        {
            Name = " ",
            Category = "propaganda",
            Languages = ["not a tag"],
            LastSeen = "2026-09-01T00:00:00Z",
        }));

        Assert.Contains("name", error.Errors.Keys);
        Assert.Contains("propaganda", error.Errors["category"][0], StringComparison.Ordinal);
        Assert.Contains("languages[0]", error.Errors.Keys);
        Assert.Contains("lastSeen", error.Errors.Keys);
    }

    [Fact]
    public void ChangeStatus_IllegalTransition_IsRefusedWithAllowedOnes()
    {
        var incidents = _node.Get<IncidentService>();
        var created = incidents.Create(IncidentsHarness.Analyst, ValidInput);

        var error = Assert.Throws<InputInvalidException>(() => incidents.ChangeStatus(IncidentsHarness.Analyst, created.Id, created.Version!.Value.Text, "shared"));

        Assert.Contains("allowed: under-assessment", error.Errors["status"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void ChangeStatus_AlongWorkflow_MakesNewVersionsAndKeepsHistory()
    {
        var incidents = _node.Get<IncidentService>();
        var v1 = incidents.Create(IncidentsHarness.Analyst, ValidInput);

        var v2 = incidents.ChangeStatus(IncidentsHarness.Analyst, v1.Id, v1.Version!.Value.Text, "under-assessment");
        var v3 = incidents.ChangeStatus(IncidentsHarness.SecondAnalyst, v1.Id, v2.Version!.Value.Text, "confirmed");

        Assert.True(v3.Version > v2.Version && v2.Version > v1.Version);
        var history = incidents.History(IncidentsHarness.Analyst, v1.Id);
        Assert.Equal(3, history.Count);
        Assert.Equal("user--analyst-b", history[2].EditedBy);
        Assert.Equal(["status"], history[2].Changed);
    }

    [Fact]
    public void Update_StaleVersion_IsRefused()
    {
        var incidents = _node.Get<IncidentService>();
        var v1 = incidents.Create(IncidentsHarness.Analyst, ValidInput);
        incidents.Update(IncidentsHarness.Analyst, v1.Id, v1.Version!.Value.Text, new IncidentInput { Impact = "Reached 2 million views" });

        var error = Assert.Throws<StaleVersionException>(() =>
            incidents.Update(IncidentsHarness.SecondAnalyst, v1.Id, v1.Version!.Value.Text, new IncidentInput { Impact = "Low" }));

        Assert.NotEqual(v1.Version!.Value.Text, error.CurrentVersion);
    }

    [Fact]
    public void TagTechnique_ByDisarmId_LinksTheBuiltInAttackPatternWithEvidence()
    {
        var incidents = _node.Get<IncidentService>();
        var incident = incidents.Create(IncidentsHarness.Analyst, ValidInput);
        var sha = new string('a', 64);

        incidents.TagTechnique(IncidentsHarness.Analyst, incident.Id, "T0049.003", "bots amplify the fake statement", [new EvidenceInput("post", "telegram:123", sha)]);

        var technique = Assert.Single(incidents.View(IncidentsHarness.Analyst, incident.Id).Techniques);
        Assert.Equal("T0049.003", technique.DisarmId);
        Assert.Equal(sha, Assert.Single(technique.Evidence).Sha256);
    }

    [Fact]
    public void TagTechnique_UnknownId_NamesTheField()
    {
        var incidents = _node.Get<IncidentService>();
        var incident = incidents.Create(IncidentsHarness.Analyst, ValidInput);

        var error = Assert.Throws<InputInvalidException>(() => incidents.TagTechnique(IncidentsHarness.Analyst, incident.Id, "T9999", null, null));

        Assert.Contains("T9999", error.Errors["technique"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void SetCriterion_AllFive_MarksAllCriteriaMet()
    {
        var incidents = _node.Get<IncidentService>();
        var incident = incidents.Create(IncidentsHarness.Analyst, ValidInput);

        foreach (var criterion in Enum.GetValues<FimiCriterion>())
        {
            var latest = incidents.Get(IncidentsHarness.Analyst, incident.Id);
            incidents.SetCriterion(IncidentsHarness.Analyst, incident.Id, latest.Version!.Value.Text, FimiCriteria.Name(criterion), true, "seen in the evidence");
        }

        var view = incidents.View(IncidentsHarness.Analyst, incident.Id);
        Assert.True(view.AllCriteriaMet);
        Assert.Equal("seen in the evidence", view.Criteria["foreign-state-linked"].Rationale);
    }

    [Theory]
    [InlineData("reader")]
    [InlineData("partner")]
    [InlineData("member-analyst")]
    public void Create_ByWhoMayNotEdit_IsForbidden(string who)
    {
        var incidents = _node.Get<IncidentService>();
        var principal = who switch
        {
            "reader" => IncidentsHarness.NodeReader,
            "partner" => IncidentsHarness.PartnerUser,
            _ => IncidentsHarness.MemberAnalyst,
        };

        Assert.Throws<ForbiddenException>(() => incidents.Create(principal, ValidInput));
    }

    [Fact]
    public void Get_AmberIncidentByPartner_IsNotFound()
    {
        var incidents = _node.Get<IncidentService>();
        var incident = incidents.Create(IncidentsHarness.Analyst, ValidInput with { Tlp = "amber" });

        Assert.Throws<ObjectNotFoundException>(() => incidents.Get(IncidentsHarness.PartnerUser, incident.Id));
        Assert.DoesNotContain(incidents.List(IncidentsHarness.PartnerUser, new IncidentFilter()), o => o.Id == incident.Id);
    }

    public void Dispose() => _node.Dispose();
}
