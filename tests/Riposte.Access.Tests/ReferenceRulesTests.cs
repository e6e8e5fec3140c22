using System.Text.Json.Nodes;
using Riposte.Access.Markings;
using Riposte.Access.Tests.Support;
using Riposte.Stix;
using Riposte.Stix.Markings;
using static Riposte.Access.Tests.Support.AccessHarness;

namespace Riposte.Access.Tests;

/// <summary>Rows R1–R4 of docs/access.md: references never disclose a more restricted object.</summary>
public sealed class ReferenceRulesTests : IDisposable
{
    private readonly AccessHarness _node = new();

    public void Dispose() => _node.Dispose();

    [Fact]
    public void R1_RelationshipToInvisibleObject_HiddenEntirely()
    {
        var visible = Objects.Sdo(CreatorOrg, TlpLevel.Green);
        var secret = Objects.Sdo(CreatorOrg, TlpLevel.Red);
        _node.Store.Add(visible, secret);
        var toSecret = Objects.Relationship(CreatorOrg, TlpLevel.Green, visible.Id, secret.Id);
        var fromSecret = Objects.Relationship(CreatorOrg, TlpLevel.Green, secret.Id, visible.Id);
        var gate = _node.Gate();

        Assert.Null(gate.ForReader(User(MemberOrg), toSecret));
        Assert.Null(gate.ForReader(User(MemberOrg), fromSecret));
        Assert.NotNull(gate.ForReader(User(CreatorOrg), toSecret));
    }

    [Fact]
    public void R1_SightingOfInvisibleObject_HiddenEntirely()
    {
        var secret = Objects.Sdo(CreatorOrg, TlpLevel.AmberStrict, "indicator");
        var observed = Objects.Sdo(CreatorOrg, TlpLevel.AmberStrict, "observed-data");
        var green = Objects.Sdo(CreatorOrg, TlpLevel.Green, "indicator");
        _node.Store.Add(secret, observed, green);
        var sightingOfSecret = Objects.Sdo(CreatorOrg, TlpLevel.Green, "sighting").With("sighting_of_ref", secret.Id);
        var observedSecret = Objects.Sdo(CreatorOrg, TlpLevel.Green, "sighting").With("sighting_of_ref", green.Id)
            .With("observed_data_refs", Objects.Strings(observed.Id));

        Assert.Null(_node.Gate().ForReader(User(ClientOrg), sightingOfSecret));
        Assert.Null(_node.Gate().ForReader(User(ClientOrg), observedSecret));
        Assert.NotNull(_node.Gate().ForReader(User(CreatorOrg), observedSecret));
    }

    [Fact]
    public void R2_ReportObjectRefs_InvisibleEntriesRemovedFromCopyOnly()
    {
        var green = Objects.Sdo(CreatorOrg, TlpLevel.Green);
        var red = Objects.Sdo(CreatorOrg, TlpLevel.Red);
        var amber = Objects.Sdo(CreatorOrg, TlpLevel.Amber);
        _node.Store.Add(green, red, amber);
        var report = Objects.Report(CreatorOrg, TlpLevel.Green, red.Id, green.Id, amber.Id);

        var forMember = _node.Gate().ForReader(User(MemberOrg), report);
        var forClient = _node.Gate().ForReader(User(ClientOrg), report);

        Assert.Equal([green.Id], forMember!.GetStrings("object_refs"));
        Assert.Equal([green.Id, amber.Id], forClient!.GetStrings("object_refs"));
        Assert.Equal(3, report.GetStrings("object_refs").Count); // the stored object is untouched
    }

    [Fact]
    public void R5_CustomAndExtensionReferences_InvisibleTargetsRemovedFromCopy()
    {
        var red = Objects.Sdo(CreatorOrg, TlpLevel.Red, "threat-actor");
        var green = Objects.Sdo(CreatorOrg, TlpLevel.Green, "threat-actor");
        _node.Store.Add(red, green);
        var extension = new JsonObject
        {
            ["extension_type"] = "property-extension",
            ["actor_refs"] = Objects.Strings(red.Id, green.Id),
            ["lead_actor_ref"] = red.Id,
        };
        var incident = Objects.Sdo(CreatorOrg, TlpLevel.Green, "incident")
            .With("x_suspect_ref", red.Id)
            .With("extensions", new JsonObject { ["extension-definition--9c6c2f3b-3b5e-4b8c-9a3c-0d2b7c1e5f10"] = extension });

        var seen = _node.Gate().ForReader(User(MemberOrg), incident)!;
        var json = seen.ToJson();

        Assert.DoesNotContain(red.Id, json, StringComparison.Ordinal);
        Assert.Contains(green.Id, json, StringComparison.Ordinal);
        Assert.Contains(red.Id, _node.Gate().ForReader(User(CreatorOrg), incident)!.ToJson(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("grouping")]
    [InlineData("note")]
    [InlineData("opinion")]
    [InlineData("observed-data")]
    public void R2_OtherContainers_InvisibleEntriesRemoved(string type)
    {
        var red = Objects.Sdo(CreatorOrg, TlpLevel.Red);
        var clear = Objects.Sdo(CreatorOrg, TlpLevel.Clear);
        _node.Store.Add(red, clear);
        var container = Objects.Sdo(CreatorOrg, TlpLevel.Green, type).With("object_refs", Objects.Strings(red.Id, clear.Id));

        var seen = _node.Gate().ForReader(User(PartnerOrg), container);

        Assert.Equal([clear.Id], seen!.GetStrings("object_refs"));
    }

    [Fact]
    public void R2_SightingWhereSighted_InvisibleEntriesRemoved()
    {
        var target = Objects.Sdo(CreatorOrg, TlpLevel.Green, "indicator");
        var secretPlace = Objects.Sdo(CreatorOrg, TlpLevel.Red, "identity");
        var publicPlace = Objects.Sdo(CreatorOrg, TlpLevel.Clear, "identity");
        _node.Store.Add(target, secretPlace, publicPlace);
        var sighting = Objects.Sdo(CreatorOrg, TlpLevel.Green, "sighting").With("sighting_of_ref", target.Id)
            .With("where_sighted_refs", Objects.Strings(secretPlace.Id, publicPlace.Id));

        var seen = _node.Gate().ForReader(User(MemberOrg), sighting);

        Assert.Equal([publicPlace.Id], seen!.GetStrings("where_sighted_refs"));
    }

    [Fact]
    public void R3_ReferenceToObjectNotStored_Kept()
    {
        var missing = Objects.NewId("threat-actor");
        var report = Objects.Report(CreatorOrg, TlpLevel.Green, missing);
        var relationship = Objects.Relationship(CreatorOrg, TlpLevel.Green, missing, missing);

        Assert.Same(report, _node.Gate().ForReader(User(MemberOrg), report));
        Assert.Same(relationship, _node.Gate().ForReader(User(MemberOrg), relationship));
    }

    [Fact]
    public void R4_ReferencedMarkings_LookedUpOncePerGate()
    {
        var target = Objects.Sdo(CreatorOrg, TlpLevel.Green);
        _node.Store.Add(target);
        var gate = _node.Gate();

        for (var i = 0; i < 50; i++)
            Assert.NotNull(gate.ForReader(User(MemberOrg), Objects.Relationship(CreatorOrg, TlpLevel.Green, target.Id, target.Id)));

        Assert.Equal(1, _node.Store.Lookups);
    }

    [Fact]
    public void R4_ObjectWithoutReferences_NoStoreLookupAndNoCopy()
    {
        var obj = Objects.Sdo(CreatorOrg, TlpLevel.Green);

        var seen = _node.Gate().ForReader(User(MemberOrg), obj);

        Assert.Same(obj, seen);
        Assert.Equal(0, _node.Store.Lookups);
    }

    [Fact]
    public void R2_RefRemoval_RenumbersGranularSelectorsAfterIt()
    {
        var red = Objects.Sdo(CreatorOrg, TlpLevel.Red);
        var green = Objects.Sdo(CreatorOrg, TlpLevel.Green);
        _node.Store.Add(red, green);
        var report = Objects.Report(CreatorOrg, TlpLevel.Green, red.Id, green.Id)
            .With("granular_markings", new JsonArray(Objects.Granular(TlpMarkings.ClearId, "object_refs.[1]")));

        var seen = _node.Gate().ForReader(User(MemberOrg), report)!;

        var selectors = seen.Json["granular_markings"]![0]!["selectors"]!.AsArray().Select(s => s!.GetValue<string>());
        Assert.Equal(["object_refs.[0]"], selectors);
    }

    [Fact]
    public void R4_PageForReader_SameAnswersAsOneByOneWithOneBulkLookup()
    {
        var green = Objects.Sdo(CreatorOrg, TlpLevel.Green);
        var red = Objects.Sdo(CreatorOrg, TlpLevel.Red);
        _node.Store.Add(green, red);
        var missing = Objects.NewId("threat-actor");
        StixObject[] page =
        [
            green,
            red,
            Objects.Relationship(CreatorOrg, TlpLevel.Green, green.Id, red.Id),
            Objects.Relationship(CreatorOrg, TlpLevel.Green, green.Id, missing),
            Objects.Report(CreatorOrg, TlpLevel.Green, red.Id, green.Id, missing),
        ];
        var oneByOne = page.Select(o => _node.Gate().ForReader(User(MemberOrg), o)?.ToJson()).ToList();
        _node.Store.ResetCounters();

        var batch = _node.Gate().ForReader(User(MemberOrg), page);

        Assert.Equal(oneByOne, batch.Select(o => o?.ToJson()));
        Assert.Equal(1, _node.Store.Queries);
        Assert.Equal(0, _node.Store.Lookups);
    }

    [Fact]
    public void R4_ReferenceToObjectInSameRequest_JudgedByThatVersionWithoutLookup()
    {
        var target = Objects.Sdo(CreatorOrg, TlpLevel.Green);
        var gate = _node.Gate();

        Assert.NotNull(gate.ForReader(User(MemberOrg), target));
        var relationship = gate.ForReader(User(MemberOrg), Objects.Relationship(CreatorOrg, TlpLevel.Green, target.Id, target.Id));

        Assert.NotNull(relationship);
        Assert.Equal(0, _node.Store.Lookups);
    }

    [Fact]
    public void R4_SeveralVersionsInOneRequest_LatestStoredVersionDecides()
    {
        var v1 = Objects.Sdo(CreatorOrg, TlpLevel.Green);
        var v2 = v1.With("modified", "2026-02-01T00:00:00.000Z");
        var latest = v1.With("modified", "2026-03-01T00:00:00.000Z").With("object_marking_refs", Objects.Strings(TlpMarkings.RedId));
        _node.Store.Add(latest);
        var relationship = Objects.Relationship(CreatorOrg, TlpLevel.Green, v1.Id, v1.Id);
        var gate = _node.Gate();

        gate.ForReader(User(MemberOrg), v1);
        gate.ForReader(User(MemberOrg), v2);

        Assert.Null(gate.ForReader(User(MemberOrg), relationship));
        Assert.Null(_node.Gate().ForReader(User(MemberOrg), [v1, v2, relationship])[2]);
    }
}
