using System.Text.Json.Nodes;
using Riposte.Access.Tests.Support;
using Riposte.Stix.Markings;
using static Riposte.Access.Tests.Support.AccessHarness;

namespace Riposte.Access.Tests;

/// <summary>References an extension declares under other names than *_ref (rule R6): invisible ones never disclose an id.</summary>
public sealed class DeclaredReferenceTests : IDisposable
{
    private const string Extension = "extension-definition--1f9a4c7e-3b2d-4a58-b6e0-7d3c5a1e9f04";
    private readonly AccessHarness _node = new(o => o.ExtensionReferences[Extension] = ["evidence[*].ref", "lead"]);

    public void Dispose() => _node.Dispose();

    private static Riposte.Stix.StixObject WithEvidence(string lead, params string[] refs) =>
        Objects.Sdo(CreatorOrg, TlpLevel.Green, "incident").With("extensions", new JsonObject
        {
            [Extension] = new JsonObject
            {
                ["extension_type"] = "property-extension",
                ["lead"] = lead,
                ["evidence"] = new JsonArray([.. refs.Select(r => (JsonNode)new JsonObject { ["kind"] = "stix", ["ref"] = r, ["note"] = "about " + r })]),
            },
        });

    [Fact]
    public void ForReader_EvidenceOfAnInvisibleObject_RemovesTheWholeEntryAndTheDeclaredProperty()
    {
        var red = Objects.Sdo(CreatorOrg, TlpLevel.Red, "threat-actor");
        var green = Objects.Sdo(CreatorOrg, TlpLevel.Green, "threat-actor");
        _node.Store.Add(red, green);
        var incident = WithEvidence(red.Id, red.Id, green.Id, "https://t.me/fake");

        var seen = _node.Gate().ForReader(User(MemberOrg), incident)!;
        var evidence = seen.Json["extensions"]![Extension]!["evidence"]!.AsArray();

        Assert.DoesNotContain(red.Id, seen.ToJson(), StringComparison.Ordinal);
        Assert.Equal([green.Id, "https://t.me/fake"], evidence.Select(e => e!["ref"]!.GetValue<string>()));
        Assert.Null(seen.Json["extensions"]![Extension]!["lead"]);
    }

    [Fact]
    public void ForReader_EvidenceTheReaderMaySee_ReturnsTheStoredObjectUnchanged()
    {
        var red = Objects.Sdo(CreatorOrg, TlpLevel.Red, "threat-actor");
        _node.Store.Add(red);
        var incident = WithEvidence(red.Id, red.Id);

        Assert.Same(incident, _node.Gate().ForReader(User(CreatorOrg), incident));
    }

    [Fact]
    public void ForReader_UndeclaredExtension_KeepsItsEvidence()
    {
        var red = Objects.Sdo(CreatorOrg, TlpLevel.Red, "threat-actor");
        using var other = new AccessHarness();
        other.Store.Add(red);

        var seen = other.Gate().ForReader(User(MemberOrg), WithEvidence(red.Id, red.Id))!;

        Assert.Contains(red.Id, seen.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void ForReader_EveryEvidenceEntryInvisible_DropsTheEmptyListRatherThanKeepAnEmptyOne()
    {
        var red = Objects.Sdo(CreatorOrg, TlpLevel.Red, "threat-actor");
        _node.Store.Add(red);

        var seen = _node.Gate().ForReader(User(MemberOrg), WithEvidence(red.Id, red.Id))!;

        Assert.Null(seen.Json["extensions"]![Extension]!["evidence"]);
        Assert.True(Riposte.Stix.Validation.StixValidator.Validate(seen).IsValid);
    }
}
