namespace Riposte.Taxonomy.Tests;

public sealed class DisarmFrameworkTests
{
    private static readonly DisarmFramework Disarm = DisarmFramework.Embedded;

    [Fact]
    public void Embedded_Loaded_HasDisarmCounts()
    {
        // Arrange / Act
        var framework = Disarm;

        // Assert
        Assert.Equal(4, framework.Phases.Count);
        Assert.Equal(16, framework.Tactics.Count);
        Assert.Equal(391, framework.Techniques.Count);
        Assert.Equal(103, framework.Techniques.Count(t => !t.IsSubtechnique));
        Assert.Equal(288, framework.Techniques.Count(t => t.IsSubtechnique));
        Assert.Equal(140, framework.Counters.Count);
        Assert.Equal(95, framework.Detections.Count);
        Assert.Equal(14, framework.Metatechniques.Count);
        Assert.Equal(7, framework.ResponseTypes.Count);
        Assert.Equal(33, framework.ActorTypes.Count);
        Assert.Equal(698, framework.StixObjects.Count);
    }

    [Fact]
    public void Version_Embedded_NamesReleaseAndCommit()
    {
        Assert.Equal("DISARM Red V1.6 + Blue, commit 49df5f6", Disarm.Version);
    }

    [Fact]
    public void Tactics_Embedded_AreInKillChainRankOrderNotIdOrder()
    {
        // Act
        var ids = Disarm.Tactics.Select(t => t.Id).ToList();

        // Assert
        Assert.Equal(["TA01", "TA02", "TA13", "TA14", "TA06", "TA15", "TA16", "TA05", "TA07", "TA08", "TA09", "TA17", "TA18", "TA10", "TA11", "TA12"], ids);
        Assert.Equal(Enumerable.Range(1, 16), Disarm.Tactics.Select(t => t.Rank));
        Assert.Equal(["P01", "P02", "P03", "P04"], Disarm.Phases.Select(p => p.Id));
    }

    [Fact]
    public void Tactics_Embedded_CarryStixShortNameUsedAsPhaseName()
    {
        // Act
        var tactic = Disarm.FindTactic("TA02")!;

        // Assert
        Assert.Equal("plan-objectives", tactic.ShortName);
        Assert.Equal("P01", tactic.PhaseId);
    }

    [Fact]
    public void Subtechniques_Embedded_HaveTheirParentsTactic()
    {
        foreach (var sub in Disarm.Techniques.Where(t => t.IsSubtechnique))
        {
            var parent = Disarm.FindTechnique(sub.ParentId!);
            Assert.NotNull(parent);
            Assert.Equal(parent.TacticId, sub.TacticId);
            Assert.StartsWith(parent.Id + ".", sub.Id, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("T0049", DisarmKind.Technique, "Flood Information Space")]
    [InlineData("T0049.003", DisarmKind.Technique, "Bots Amplify via Automated Forwarding and Reposting")]
    [InlineData("TA05", DisarmKind.Tactic, "Microtarget")]
    [InlineData("C00006", DisarmKind.Counter, "Charge for social media")]
    [InlineData("F00001", DisarmKind.Detection, "Analyse aborted / failed campaigns")]
    [InlineData("M001", DisarmKind.Metatechnique, "Resilience")]
    [InlineData("D02", DisarmKind.ResponseType, "Deny")]
    [InlineData("P01", DisarmKind.Phase, "Plan")]
    public void Find_KnownId_ReturnsItem(string id, DisarmKind kind, string name)
    {
        // Act
        var item = Disarm.Find(id);

        // Assert
        Assert.NotNull(item);
        Assert.Equal(kind, item.Kind);
        Assert.Equal(name, item.Name);
    }

    [Fact]
    public void Find_LowerCaseAndPadded_ReturnsItem()
    {
        Assert.Equal("T0049.003", Disarm.Find(" t0049.003 ")?.Id);
    }

    [Theory]
    [InlineData("T9999")]
    [InlineData("T0001")]
    [InlineData("")]
    public void Find_UnknownOrRetiredId_ReturnsNull(string id)
    {
        Assert.Null(Disarm.Find(id));
    }

    [Fact]
    public void FindTactic_IdOfTechnique_ReturnsNull()
    {
        Assert.Null(Disarm.FindTactic("T0049"));
        Assert.NotNull(Disarm.FindTechnique("T0049"));
    }

    [Fact]
    public void TechniquesOfTactic_Microtarget_ReturnsTechniquesAndSubtechniques()
    {
        // Act
        var all = Disarm.TechniquesOfTactic("TA05");
        var topLevel = Disarm.TechniquesOfTactic("ta05", includeSubtechniques: false);

        // Assert
        Assert.Equal(7, all.Count);
        Assert.Equal(4, topLevel.Count);
        Assert.All(all, t => Assert.Equal("TA05", t.TacticId));
    }

    [Fact]
    public void TechniquesOfTactic_UnknownTactic_ReturnsEmpty()
    {
        Assert.Empty(Disarm.TechniquesOfTactic("TA99"));
    }

    [Fact]
    public void SubtechniquesOf_Flooding_ReturnsEightInIdOrder()
    {
        // Act
        var subs = Disarm.SubtechniquesOf("T0049").Select(t => t.Id).ToList();

        // Assert
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"T0049.00{i}"), subs);
    }

    [Fact]
    public void CountersOfTactic_PlanStrategy_Returns28()
    {
        Assert.Equal(28, Disarm.CountersOfTactic("TA01").Count);
    }

    [Fact]
    public void CountersForTechnique_CreateHashtags_ReturnsCountersWithValidLinks()
    {
        // Act
        var ids = Disarm.CountersForTechnique("T0015").Select(c => c.Id).ToList();

        // Assert
        Assert.Equal(["C00006", "C00012", "C00016", "C00066", "C00070", "C00107", "C00122", "C00176"], ids);
    }

    [Fact]
    public void Counter_WithRetiredTechniqueIds_KeepsThemAsStaleAndLinksOnlyCurrentOnes()
    {
        // Act
        var counter = Disarm.FindCounter("C00006")!;

        // Assert: T0007 no longer exists; T0015 does (under a new name).
        Assert.Contains(counter.StaleReferences, r => r.RefId == "T0007");
        Assert.DoesNotContain("T0007", counter.ValidTechniqueIds);
        Assert.Contains("T0015", counter.ValidTechniqueIds);
        Assert.All(counter.ValidTechniqueIds, id => Assert.NotNull(Disarm.FindTechnique(id)));
    }

    [Fact]
    public void StaleCounterReferenceCount_Embedded_Is447AsDisarmDataFlags()
    {
        // Arrange
        var references = Disarm.Counters.SelectMany(c => c.References).ToList();

        // Assert
        Assert.Equal(881, references.Count);
        Assert.Equal(447, Disarm.StaleCounterReferenceCount);
        Assert.Equal(394, references.Count(r => r.IsValidTechniqueLink));
        Assert.Equal(40, references.Count(r => r.Kind == DisarmReferenceKind.Tactic));
    }

    [Fact]
    public void Counter_Embedded_CarriesTacticMetatechniqueResponseAndActorTypes()
    {
        // Act
        var counter = Disarm.FindCounter("C00006")!;

        // Assert
        Assert.Equal("TA01", counter.TacticId);
        Assert.Equal("TA01 Strategic Planning", counter.TacticLabelInSource);
        Assert.Equal(["M004"], counter.MetatechniqueIds);
        Assert.Equal("D02", counter.ResponseTypeId);
        Assert.Equal(["A033"], counter.ActorTypeIds);
        Assert.Equal(3, Disarm.Counters.Count(c => c.MetatechniqueIds.Count == 2));
    }
}
