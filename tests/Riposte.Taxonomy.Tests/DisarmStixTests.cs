using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Riposte.Stix;
using Riposte.Stix.Validation;
using Riposte.Taxonomy.Stix;

namespace Riposte.Taxonomy.Tests;

public sealed partial class DisarmStixTests
{
    private const string DisarmIdentity = "identity--f1a0f560-2d9e-4c5d-bf47-7e96e805de82";
    private const string DisarmMarking = "marking-definition--f79f25d2-8b96-4580-b169-eb7b613a7c31";

    private static readonly DisarmFramework Disarm = DisarmFramework.Embedded;
    private static readonly IReadOnlyList<StixObject> All = DisarmStix.AllObjects(Disarm);

    [Fact]
    public void AllObjects_Embedded_HasOriginalsPlusCountersAndValidLinks()
    {
        // Act
        var byType = All.GroupBy(o => o.Type).ToDictionary(g => g.Key, g => g.Count());

        // Assert
        Assert.Equal(391, byType["attack-pattern"]);
        Assert.Equal(16, byType["x-mitre-tactic"]);
        Assert.Equal(1, byType["x-mitre-matrix"]);
        Assert.Equal(1, byType["identity"]);
        Assert.Equal(1, byType["marking-definition"]);
        Assert.Equal(140, byType["course-of-action"]);
        Assert.Equal(288, All.Count(o => o.GetString("relationship_type") == "subtechnique-of"));
        Assert.Equal(392, All.Count(o => o.GetString("relationship_type") == "mitigates"));
        Assert.Equal(All.Count, All.Select(o => o.Id).Distinct().Count());
    }

    [Fact]
    public void AllObjects_Originals_AreDisarmBundleObjectsUnchanged()
    {
        // Arrange: the embedded bundle is a byte-identical copy of the shared one.
        var bundle = JsonNode.Parse(File.ReadAllText(TestPaths.SharedFile("data", "disarm", "DISARM.json")))!;
        var originals = bundle["objects"]!.AsArray().Select(o => o!.ToJsonString()).ToHashSet();

        // Act
        var ours = All.Where(o => o.Type is not "course-of-action" && o.GetString("relationship_type") != "mitigates")
            .Select(o => o.ToJson()).ToHashSet();

        // Assert
        Assert.Equal(698, ours.Count);
        Assert.True(originals.SetEquals(ours));
    }

    [Fact]
    public void AllObjects_TechniqueLookup_UsesDisarmIdsAndExternalIds()
    {
        // Act
        var technique = All.Single(o => o.Type == "attack-pattern" && o.ExternalIds.Contains("T0049.003"));

        // Assert
        Assert.Equal(Disarm.FindTechnique("T0049.003")!.StixId, technique.Id);
    }

    [Fact]
    public void AttackPatterns_KillChainPhaseName_IsTheirTacticsShortName()
    {
        // The documented mapping: kill_chain_name says "mitre-attack", phase_name is the DISARM tactic's x_mitre_shortname.
        foreach (var technique in Disarm.Techniques)
        {
            var pattern = All.Single(o => o.Id == technique.StixId);
            var phase = Assert.Single(pattern.Json["kill_chain_phases"]!.AsArray())!;
            Assert.Equal("mitre-attack", (string?)phase["kill_chain_name"]);
            Assert.Equal(Disarm.FindTactic(technique.TacticId)!.ShortName, (string?)phase["phase_name"]);
            Assert.Equal([technique.Id], pattern.ExternalIds);
        }
    }

    [Fact]
    public void CourseOfActionId_Counter_IsUuid5InRiposteNamespace()
    {
        // Expected value computed independently: python3 uuid.uuid5(UUID('ef250d15-...'), 'course-of-action:C00006').
        Assert.Equal("course-of-action--d3e35b76-2aae-5b59-ad02-c99923a9270d", DisarmStix.CourseOfActionId("C00006"));
        Assert.Equal("relationship--078f6631-8c19-51bf-90df-97d5d3d1d3a5", DisarmStix.MitigatesId("C00006", "T0015"));
    }

    [Fact]
    public void CoursesOfAction_Counter_MapsToStixAsDocumented()
    {
        // Act
        var coa = All.Single(o => o.Id == DisarmStix.CourseOfActionId("C00006"));

        // Assert
        Assert.Equal("course-of-action", coa.Type);
        Assert.Equal("2.1", coa.SpecVersion);
        Assert.Equal("Charge for social media", coa.Name);
        Assert.Equal(DisarmIdentity, coa.CreatedByRef);
        Assert.Equal([DisarmMarking], coa.ObjectMarkingRefs);
        Assert.Equal(["C00006"], coa.ExternalIds);
        var reference = coa.Json["external_references"]![0]!;
        Assert.Equal("DISARM", (string?)reference["source_name"]);
        Assert.Equal("https://github.com/DISARMFoundation/DISARMframeworks/blob/main/generated_pages/counters/C00006.md", (string?)reference["url"]);
        Assert.Equal("TA01", coa.GetString("x_disarm_tactic_id"));
        Assert.Equal("Plan Strategy", coa.GetString("x_disarm_tactic_name"));
        Assert.Equal(["M004"], coa.GetStrings("x_disarm_metatechnique_ids"));
        Assert.Equal(["Friction"], coa.GetStrings("x_disarm_metatechnique_names"));
        Assert.Equal("D02", coa.GetString("x_disarm_response_type_id"));
        Assert.Equal("Deny", coa.GetString("x_disarm_response_type_name"));
        Assert.Equal(DisarmText.EthicsCaution, coa.GetString("x_disarm_caution"));
    }

    [Fact]
    public void CoursesOfAction_CustomPropertyNames_FollowStixCustomPropertyRule()
    {
        // Arrange
        var standard = new HashSet<string>(["type", "spec_version", "id", "created_by_ref", "created", "modified", "name", "description",
            "labels", "external_references", "object_marking_refs", "relationship_type", "source_ref", "target_ref"]);
        var derived = All.Where(o => o.Type == "course-of-action" || o.GetString("relationship_type") == "mitigates");

        // Act
        var custom = derived.SelectMany(o => o.Json.Select(p => p.Key)).Where(k => !standard.Contains(k)).Distinct().ToList();

        // Assert
        Assert.NotEmpty(custom);
        Assert.All(custom, name => Assert.Matches(CustomPropertyName(), name));
    }

    [Fact]
    public void MitigatesRelationships_Embedded_LinkOnlyCurrentTechniques()
    {
        // Arrange
        var attackPatterns = All.Where(o => o.Type == "attack-pattern").Select(o => o.Id).ToHashSet();
        var counters = All.Where(o => o.Type == "course-of-action").Select(o => o.Id).ToHashSet();
        var staleTechniqueIds = Disarm.Counters.SelectMany(c => c.StaleReferences).Select(r => r.RefId).ToHashSet();

        // Act
        var links = DisarmStix.MitigatesRelationships(Disarm);

        // Assert
        Assert.All(links, l =>
        {
            Assert.Contains(l.GetString("source_ref")!, counters);
            Assert.Contains(l.GetString("target_ref")!, attackPatterns);
            Assert.DoesNotContain(l.GetString("x_disarm_technique_id")!, staleTechniqueIds);
        });
    }

    [Fact]
    public void MitigatesRelationships_RenamedTechnique_IsFlaggedAndExplained()
    {
        // Act: C00006 names T0015 as "Create Hashtag"; it is now "Create Hashtags and Search Artefacts".
        var link = All.Single(o => o.Id == DisarmStix.MitigatesId("C00006", "T0015"));

        // Assert
        Assert.Equal(DisarmStix.CourseOfActionId("C00006"), link.GetString("source_ref"));
        Assert.Equal(Disarm.FindTechnique("T0015")!.StixId, link.GetString("target_ref"));
        Assert.False(link.Json["x_disarm_name_matches_current"]!.GetValue<bool>());
        Assert.Equal("Create Hashtag", link.GetString("x_disarm_name_in_source"));
        Assert.Contains("Create Hashtags and Search Artefacts", link.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void AllObjects_TwoSeparateLoads_AreByteIdentical()
    {
        // Arrange
        var reloaded = DisarmFramework.Load(DisarmDataSource.Embedded);

        // Act
        var first = All.Select(o => o.ToJson()).ToList();
        var second = DisarmStix.AllObjects(reloaded).Select(o => o.ToJson()).ToList();

        // Assert
        Assert.Equal(first, second);
    }

    [Fact]
    public void AllObjects_Embedded_EveryObjectValidates()
    {
        // Act
        var failures = All.Select(o => (o.Id, Result: StixValidator.Validate(o)))
            .Where(x => !x.Result.IsValid)
            .Select(x => $"{x.Id}: {string.Join("; ", x.Result.Errors)}")
            .ToList();

        // Assert
        Assert.Empty(failures);
    }

    [Fact]
    public void AllObjects_EveryCounterAndASampleOfTheRest_PassOasisSchemas()
    {
        // Arrange: every counter (their optional properties vary) and every 20th other object, since schema
        // evaluation is slow (~25 ms an object); StixValidator checks all of them above. x-mitre-* types have no schema.
        var sample = All.Where((o, i) => o.Type is "course-of-action" or "marking-definition" || i % 20 == 0)
            .Where(o => Riposte.Stix.Tests.OasisSchemas.Covers(o.Type))
            .ToList();

        // Act
        var failures = sample
            .SelectMany(o => Riposte.Stix.Tests.OasisSchemas.Validate(o.Json).Select(e => $"{o.Id} {e}"))
            .ToList();

        // Assert
        Assert.Empty(failures);
        Assert.Equal(["attack-pattern", "course-of-action", "identity", "marking-definition", "relationship"], sample.Select(o => o.Type).Distinct().Order());
    }

    [GeneratedRegex("^[a-z0-9_]{3,250}$")]
    private static partial Regex CustomPropertyName();
}
