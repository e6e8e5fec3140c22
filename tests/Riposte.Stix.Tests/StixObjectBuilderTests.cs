using System.Text.Json.Nodes;
using Riposte.Stix.Markings;
using Riposte.Stix.Validation;

namespace Riposte.Stix.Tests;

public class StixObjectBuilderTests
{
    [Fact]
    public void Build_ThreatActor_FillsCommonPropertiesAndValidates()
    {
        // Arrange
        var builder = StixObjectBuilder.Create("threat-actor")
            .Set("name", "Ghostwriter")
            .Set("threat_actor_types", ["nation-state"])
            .CreatedBy(Samples.IdentityId)
            .Labels("fimi")
            .Markings(TlpMarkings.ClearId)
            .ExternalReference("disarm", externalId: "T0085.004", url: "https://disarmframework.herokuapp.com/technique/T0085.004")
            .Confidence(80);

        // Act
        var actor = builder.Build();

        // Assert
        Assert.Equal("threat-actor", actor.Type);
        Assert.True(StixIds.IsOfType(actor.Id, "threat-actor"));
        Assert.Equal("2.1", actor.SpecVersion);
        Assert.NotNull(actor.Created);
        Assert.Equal(actor.Created, actor.Modified);
        Assert.Equal(["T0085.004"], actor.ExternalIds);
        Assert.Equal(80, actor.Confidence);
        Assert.Empty(OasisSchemas.Validate(actor.Json));
    }

    [Fact]
    public void Build_Observable_GetsDeterministicIdAndNoTimestamps()
    {
        var url = StixObjectBuilder.Create("url").Set("value", "https://example.com/research/index.html").Build();

        Assert.Equal("url--47c3cf9a-5027-5bf0-997a-017c7edc7c55", url.Id);
        Assert.False(url.Json.ContainsKey("created"));
    }

    [Fact]
    public void Build_Relationship_Valid()
    {
        var rel = StixObjectBuilder.Relationship("attributed-to", Samples.CampaignId, "threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f").Build();

        Assert.True(StixValidator.Validate(rel).IsValid);
        Assert.Equal(Samples.CampaignId, rel.GetString("source_ref"));
    }

    [Fact]
    public void Build_MissingRequiredProperty_ThrowsWithErrors()
    {
        var ex = Assert.Throws<StixValidationException>(() => StixObjectBuilder.Create("report").Set("name", "r").Build());

        Assert.Contains(ex.Result.Errors, e => e.Path == "$.published");
        Assert.Contains(ex.Result.Errors, e => e.Path == "$.object_refs");
    }

    [Fact]
    public void Build_WithClock_UsesClockWithMilliseconds()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 29, 9, 15, 0, 123, TimeSpan.Zero));

        var note = StixObjectBuilder.Create("note", clock).Set("content", "c").Add("object_refs", Samples.CampaignId).Build();

        Assert.Equal("2026-11-29T09:15:00.123Z", note.Created?.Text);
    }

    [Fact]
    public void From_ExistingObject_NewVersionKeepsIdAndCustomProperties()
    {
        var original = StixObject.Parse("""{"type":"campaign","spec_version":"2.1","id":"campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z","name":"A","x_riposte":{"k":[1,2]}}""");

        var next = StixObjectBuilder.From(original).Set("name", "B").Modified(StixTimestamp.Parse("2017-01-01T00:00:00.000Z")).Build();

        Assert.Equal(original.Id, next.Id);
        Assert.Equal("B", next.Name);
        Assert.True(next.Modified > original.Modified);
        Assert.True(JsonNode.DeepEquals(original.Json["x_riposte"], next.Json["x_riposte"]));
        Assert.Equal("A", original.Name);
    }

    [Fact]
    public void Extension_PropertyExtension_Valid()
    {
        var campaign = StixObjectBuilder.Create("campaign").Set("name", "c")
            .Extension("extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e", "property-extension", new JsonObject { ["phase"] = "plan" })
            .Build();

        Assert.Equal("plan", campaign.Json["extensions"]!["extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e"]!["phase"]!.GetValue<string>());
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
