using Riposte.Incidents.Model;
using Riposte.Incidents.Services;
using Riposte.Incidents.Tests.Support;
using Riposte.Stix.Markings;
using Riposte.Stix.Validation;

namespace Riposte.Incidents.Tests;

public sealed class WorkflowServiceTests : IDisposable
{
    private const string MemberA = "identity--00000000-0000-4000-8000-0000000000a1";
    private const string MemberB = "identity--00000000-0000-4000-8000-0000000000b2";
    private readonly IncidentsHarness _node = new();

    [Fact]
    public void CreateNarrative_Valid_IsANewSdoWithItsExtension()
    {
        var narratives = _node.Get<NarrativeService>();

        var narrative = narratives.CreateNarrative(IncidentsHarness.Analyst, new NarrativeInput { Name = "The vote is rigged", Languages = ["fr"] });

        Assert.Equal(RiposteExtensions.NarrativeType, narrative.Type);
        Assert.Equal("new-sdo", RiposteExtensions.Read(narrative, RiposteExtensions.NarrativeId)?["extension_type"]?.GetValue<string>());
        Assert.True(StixValidator.Validate(narrative).IsValid, string.Join("; ", StixValidator.Validate(narrative).Errors));
    }

    [Fact]
    public void CreateChannel_BadUrlAndNoPlatform_NamesBothFields()
    {
        var narratives = _node.Get<NarrativeService>();

        var error = Assert.Throws<InputInvalidException>(() => narratives.CreateChannel(IncidentsHarness.Analyst, new ChannelInput { Name = "Channel", Url = "ftp://x" }));

        Assert.Contains("url", error.Errors.Keys);
        Assert.Contains("platform", error.Errors.Keys);
    }

    [Fact]
    public void ExtensionDefinitions_All_AreValidStix()
    {
        foreach (var definition in RiposteExtensions.Definitions())
            Assert.True(StixValidator.Validate(definition).IsValid, definition.Id + ": " + string.Join("; ", StixValidator.Validate(definition).Errors));
    }

    [Fact]
    public void Review_ByTheDrafter_IsForbidden()
    {
        var (assessments, report) = DraftAssessment();

        Assert.Throws<ForbiddenException>(() => assessments.Review(IncidentsHarness.Analyst, report.Id, report.Version!.Value.Text, approve: true, null));
    }

    [Fact]
    public void Share_Unreviewed_IsRefused()
    {
        var (_, report) = DraftAssessment();
        var collection = _node.CreateCollection("Partners");
        // A gate reads the directory once per request: a fresh scope sees the new collection.
        var assessments = _node.Get<AssessmentService>();

        var error = Assert.Throws<InputInvalidException>(() => assessments.Share(IncidentsHarness.Analyst, report.Id, report.Version!.Value.Text, collection));

        Assert.Contains("status", error.Errors.Keys);
    }

    [Fact]
    public void CreateResponse_Coordinated_RecordsOwnerParticipantsAndDisarmCounter()
    {
        Fixtures.Identity(_node.Store, MemberA, "Member A");
        Fixtures.Identity(_node.Store, MemberB, "Member B");
        var incident = _node.Get<IncidentService>().Create(IncidentsHarness.Analyst, new IncidentInput { Name = "i", Category = "information-manipulation" });
        var responses = _node.Get<ResponseService>();

        var response = responses.Create(IncidentsHarness.Analyst, new ResponseInput
        {
            Name = "Joint statement on the fake ministry posts",
            Kind = "joint-statement",
            Counters = ["C00012"],
            IncidentRefs = [incident.Id],
            OwnerRef = MemberA,
            ParticipantRefs = [MemberA],
        });
        var joined = responses.AddParticipant(IncidentsHarness.SecondAnalyst, response.Id, response.Version!.Value.Text, MemberB);

        Assert.Equal([MemberA, MemberB], joined.GetStrings("participant_refs"));
        Assert.StartsWith("course-of-action--", Assert.Single(joined.GetStrings("counter_refs")), StringComparison.Ordinal);
        Assert.True(StixValidator.Validate(joined).IsValid, string.Join("; ", StixValidator.Validate(joined).Errors));
    }

    [Fact]
    public void Lesson_Created_IsFoundByFullTextSearch()
    {
        var incident = _node.Get<IncidentService>().Create(IncidentsHarness.Analyst, new IncidentInput { Name = "i", Category = "information-manipulation" });
        var lessons = _node.Get<LessonService>();
        lessons.Create(IncidentsHarness.Analyst, new LessonInput { Kind = "lesson-learned", Title = "Pre-bunk early", Content = "Prebunking before the vote blunted the hashtag campaign", ObjectRefs = [incident.Id] });

        var found = lessons.List(IncidentsHarness.Analyst, "hashtag");

        Assert.Equal("Pre-bunk early", Assert.Single(found).GetString("abstract"));
    }

    [Fact]
    public void Tip_Submitted_IsSeenBySubmitterAndAnalystsOnly()
    {
        var tips = _node.Get<TipService>();
        var tip = tips.Submit(IncidentsHarness.OutreachUser, new TipInput
        {
            Text = "Fake ministry account on Telegram",
            Links = ["https://t.me/fake_ministry"],
            Files = [new TipFile("shot.png", Convert.ToBase64String([1, 2, 3]), "image/png")],
        });

        Assert.Single(tips.List(IncidentsHarness.OutreachUser));
        Assert.Empty(tips.List(IncidentsHarness.OtherOutreachUser));
        Assert.Throws<ObjectNotFoundException>(() => tips.Get(IncidentsHarness.PartnerUser, tip.Id));
        Assert.Single(tips.List(IncidentsHarness.Analyst, "submitted"));
    }

    [Fact]
    public void Tip_ByPartnerTier_IsForbidden()
    {
        var tips = _node.Get<TipService>();

        Assert.Throws<ForbiddenException>(() => tips.Submit(IncidentsHarness.PartnerUser, new TipInput { Text = "x" }));
    }

    [Fact]
    public void Tip_Accepted_AddsFilesWithHashesToIncidentAndSubmitterSeesStatus()
    {
        var tips = _node.Get<TipService>();
        var tip = tips.Submit(IncidentsHarness.OutreachUser, new TipInput { Text = "t", Files = [new TipFile("a.txt", Convert.ToBase64String("abc"u8.ToArray()))] });
        var incident = _node.Get<IncidentService>().Create(IncidentsHarness.Analyst, new IncidentInput { Name = "i", Category = "information-manipulation" });

        tips.Accept(IncidentsHarness.Analyst, tip.Id, incident.Id);

        var evidence = Assert.Single(_node.Get<IncidentService>().View(IncidentsHarness.Analyst, incident.Id).Evidence);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", evidence.Sha256);
        Assert.Equal("accepted", tips.Get(IncidentsHarness.OutreachUser, tip.Id).GetString("status"));
    }

    [Fact]
    public void Tip_DismissWithoutReason_NamesTheField()
    {
        var tips = _node.Get<TipService>();
        var tip = tips.Submit(IncidentsHarness.OutreachUser, new TipInput { Text = "t" });

        var error = Assert.Throws<InputInvalidException>(() => tips.Dismiss(IncidentsHarness.Analyst, tip.Id, " "));

        Assert.Contains("reason", error.Errors.Keys);
    }

    [Fact]
    public void FromFinding_Grouping_CarriesAccountsEvidenceAndSuggestedTechnique()
    {
        var pattern = _node.Get<IncidentService>().FindTechnique(IncidentsHarness.Analyst, "T0049.003")!;
        var grouping = Fixtures.Finding(_node.Store, pattern.Id);

        var view = _node.Get<FindingService>().CreateIncident(IncidentsHarness.Analyst, grouping.Id);

        Assert.Single(view.AccountRefs);
        Assert.Equal(grouping.Id, view.SourceFindingRef);
        Assert.Contains(view.Evidence, e => e.Kind == "cluster" && e.Sha256 is { Length: 64 });
        Assert.Equal("T0049.003", Assert.Single(view.Techniques).DisarmId);
    }

    [Theory]
    [InlineData(0, "Impossible")]
    [InlineData(15, "Highly Unlikely/Almost Certainly Not")]
    [InlineData(50, "Even Chance")]
    [InlineData(70, "Likely/Probable")]
    [InlineData(95, "Highly Likely/Almost Certain")]
    [InlineData(100, "Certain")]
    public void Wep_Confidence_UsesTheSpecificationScale(int confidence, string expected) =>
        Assert.Equal(expected, EstimativeLanguage.Wep(confidence));

    private (AssessmentService, Riposte.Stix.StixObject) DraftAssessment()
    {
        var incident = _node.Get<IncidentService>().Create(IncidentsHarness.Analyst, new IncidentInput { Name = "i", Category = "information-manipulation", Tlp = "green" });
        var assessments = _node.Get<AssessmentService>();
        var report = assessments.Create(IncidentsHarness.Analyst, new AssessmentInput { Name = "Assessment", ObjectRefs = [incident.Id], Confidence = 70, Tlp = "green" });
        Assert.Contains(TlpMarkings.GreenId, report.ObjectMarkingRefs);
        return (assessments, report);
    }

    public void Dispose() => _node.Dispose();
}
