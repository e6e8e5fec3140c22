using System.Text.Json.Nodes;
using Riposte.Access.Markings;
using Riposte.Access.Tests.Support;
using Riposte.Stix;
using Riposte.Stix.Markings;
using static Riposte.Access.Tests.Support.AccessHarness;

namespace Riposte.Access.Tests;

/// <summary>Rows G1–G4 of docs/access.md: parts marked more restrictively than the reader may see are removed.</summary>
public sealed class GranularMarkingTests : IDisposable
{
    private readonly AccessHarness _node = new();

    public void Dispose() => _node.Dispose();

    private static StixObject Marked(params JsonObject[] granular) =>
        Objects.Sdo(CreatorOrg, TlpLevel.Green)
            .With("description", "public summary")
            .With("aliases", Objects.Strings("first", "second", "third"))
            .With("external_references", new JsonArray(
                new JsonObject { ["source_name"] = "a", ["url"] = "https://a.example/" },
                new JsonObject { ["source_name"] = "b", ["url"] = "https://b.example/secret" }))
            .With("granular_markings", new JsonArray([.. granular]));

    [Fact]
    public void G1_RestrictedProperty_RemovedAndItsMarkingDropped()
    {
        var obj = Marked(Objects.Granular(TlpMarkings.RedId, "description"));

        var seen = _node.Gate().ForReader(User(MemberOrg), obj)!;

        Assert.Null(seen.Json["description"]);
        Assert.Null(seen.Json["granular_markings"]);
        Assert.Equal(obj.Name, seen.Name);
        Assert.Equal("public summary", obj.Description); // the original is untouched
    }

    [Fact]
    public void G1_RestrictedListEntries_RemovedAndRemainingSelectorsRenumbered()
    {
        var obj = Marked(
            Objects.Granular(TlpMarkings.AmberId, "aliases.[0]", "external_references.[0].url"),
            Objects.Granular(TlpMarkings.GreenId, "aliases.[2]", "external_references.[1]"),
            new JsonObject { ["lang"] = "fr", ["selectors"] = Objects.Strings("aliases.[1]") });

        var seen = _node.Gate().ForReader(User(MemberOrg), obj)!;

        Assert.Equal(["second", "third"], seen.GetStrings("aliases"));
        Assert.Null(seen.Json["external_references"]![0]!["url"]);
        Assert.Equal("a", seen.Json["external_references"]![0]!["source_name"]!.GetValue<string>());
        var remaining = seen.Json["granular_markings"]!.AsArray();
        Assert.Equal(2, remaining.Count);
        Assert.Equal(TlpMarkings.GreenId, remaining[0]!["marking_ref"]!.GetValue<string>());
        Assert.Equal(["aliases.[1]", "external_references.[1]"], remaining[0]!["selectors"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(["aliases.[0]"], remaining[1]!["selectors"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public void G2_ReaderAllowedTheMarking_NothingRemovedAndNoCopy()
    {
        var obj = Marked(Objects.Granular(TlpMarkings.AmberId, "description"));

        var seen = _node.Gate().ForReader(User(ClientOrg), obj);

        Assert.Same(obj, seen);
    }

    [Fact]
    public void G3_RestrictionOnIdentifyingOrMarkingProperty_HidesWholeObject()
    {
        foreach (var property in new[] { "id", "type", "created", "modified", "spec_version", "object_marking_refs", "granular_markings" })
        {
            var obj = Marked(Objects.Granular(TlpMarkings.RedId, property));

            Assert.Null(_node.Gate().ForReader(User(MemberOrg), obj));
        }
    }

    [Fact]
    public void G3_UnreadableRestrictedSelector_HidesWholeObject()
    {
        var obj = Marked(Objects.Granular(TlpMarkings.RedId, "aliases[0]"));

        Assert.Null(_node.Gate().ForReader(User(MemberOrg), obj));
    }

    [Fact]
    public void G4_NestedRestrictionsAndOverlaps_RemoveEveryCoveredPart()
    {
        var obj = Marked(
            Objects.Granular(TlpMarkings.RedId, "external_references"),
            Objects.Granular(TlpMarkings.ClearId, "external_references.[0].source_name", "description"));

        var seen = _node.Gate().ForReader(User(MemberOrg), obj)!;

        Assert.Null(seen.Json["external_references"]);
        var remaining = Assert.Single(seen.Json["granular_markings"]!.AsArray());
        Assert.Equal(["description"], remaining!["selectors"]!.AsArray().Select(s => s!.GetValue<string>()));
    }
}
