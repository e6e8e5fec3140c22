using System.Text.Json.Nodes;
using Riposte.Access.Markings;
using Riposte.Access.Tests.Support;
using Riposte.Stix;
using Riposte.Stix.Markings;
using Riposte.Storage.Access;
using static Riposte.Access.Tests.Support.AccessHarness;

namespace Riposte.Access.Tests;

/// <summary>One test per row of the marking rules table in docs/access.md (rows M1–M15).</summary>
public sealed class MarkingRulesTests : IDisposable
{
    private readonly AccessHarness _node = new();

    public void Dispose() => _node.Dispose();

    private bool Sees(string org, StixObject obj, Role role = Role.Analyst) => _node.Gate().ForReader(User(org, role), obj) is not null;

    [Fact]
    public void M1_SystemPrincipal_SeesRedOfAnyone()
    {
        var red = Objects.Sdo(CreatorOrg, TlpLevel.Red);

        var seen = _node.Gate().ForReader(Principal.System, red);

        Assert.Same(red, seen);
    }

    [Fact]
    public void M2_Clear_SeenEvenByUnregisteredOrganisation()
    {
        var clear = Objects.Sdo(CreatorOrg, TlpLevel.Clear);

        Assert.True(Sees(UnrelatedOrg, clear, Role.Reader));
    }

    [Fact]
    public void M3_Creator_SeesItsOwnRedWithoutBeingNamed()
    {
        var red = Objects.Sdo(CreatorOrg, TlpLevel.Red);

        Assert.True(Sees(CreatorOrg, red, Role.Reader));
        Assert.False(Sees(MemberOrg, red));
    }

    [Fact]
    public void M4_NoCreatedByRef_BelongsToNodeOrganisation()
    {
        var strict = Objects.Sdo(CreatorOrg, TlpLevel.AmberStrict).With("created_by_ref", null);
        strict.Json.Remove("created_by_ref");
        var unowned = new StixObject(strict.Json);

        Assert.True(Sees(NodeOrg, unowned));
        Assert.False(Sees(CreatorOrg, unowned));
    }

    [Fact]
    public void M5_NamedRecipient_SeesRedAndAmberStrict_OthersDoNot()
    {
        var red = Objects.Sdo(CreatorOrg, TlpLevel.Red, "threat-actor", RecipientOrg);
        var strict = Objects.Sdo(CreatorOrg, TlpLevel.AmberStrict, "threat-actor", RecipientOrg);
        var redForUser = Objects.Sdo(CreatorOrg, TlpLevel.Red, "threat-actor", User(PartnerOrg).UserId);

        Assert.True(Sees(RecipientOrg, red));
        Assert.True(Sees(RecipientOrg, strict));
        Assert.False(Sees(ClientOrg, red));
        Assert.False(Sees(PartnerOrg, red, Role.Reader));
        Assert.True(Sees(PartnerOrg, redForUser)); // the named individual user
        Assert.False(Sees(PartnerOrg, redForUser, Role.Reader)); // a colleague of theirs is not named
    }

    [Fact]
    public void M6_Green_SeenByEveryCommunityTier()
    {
        var green = Objects.Sdo(CreatorOrg, TlpLevel.Green);

        Assert.True(Sees(MemberOrg, green));
        Assert.True(Sees(PartnerOrg, green));
        Assert.True(Sees(OutreachOrg, green));
    }

    [Fact]
    public void M7_Green_NotSeenOutsideTheCommunity()
    {
        using var narrow = new AccessHarness(o => o.CommunityTiers = [TrustTier.Member, TrustTier.Partner]);
        var green = Objects.Sdo(CreatorOrg, TlpLevel.Green);

        Assert.False(narrow.Gate().ForReader(User(OutreachOrg), green) is not null);
        Assert.True(narrow.Gate().ForReader(User(PartnerOrg), green) is not null);
        Assert.False(Sees(UnrelatedOrg, green));
    }

    [Fact]
    public void M8_Amber_CreatorAndItsClientsOnly()
    {
        var amber = Objects.Sdo(CreatorOrg, TlpLevel.Amber);

        Assert.True(Sees(CreatorOrg, amber));
        Assert.True(Sees(ClientOrg, amber));
        Assert.False(Sees(MemberOrg, amber));
        Assert.False(Sees(PartnerOrg, amber));
        Assert.False(Sees(OutreachOrg, amber));
        Assert.False(Sees(NodeOrg, amber));
    }

    [Fact]
    public void M8_Amber_ClientRelationIsNotSymmetric()
    {
        var amberOfClient = Objects.Sdo(ClientOrg, TlpLevel.Amber);

        Assert.False(Sees(CreatorOrg, amberOfClient));
    }

    [Fact]
    public void M9_AmberStrict_NotSeenByClients()
    {
        var strict = Objects.Sdo(CreatorOrg, TlpLevel.AmberStrict);

        Assert.True(Sees(CreatorOrg, strict));
        Assert.False(Sees(ClientOrg, strict));
    }

    [Fact]
    public void M10_Red_OnlyCreatorAndNamedRecipients()
    {
        var red = Objects.Sdo(CreatorOrg, TlpLevel.Red, "threat-actor", RecipientOrg);

        var seers = new[] { NodeOrg, CreatorOrg, ClientOrg, MemberOrg, PartnerOrg, OutreachOrg, RecipientOrg, UnrelatedOrg }
            .Where(org => Sees(org, red, Role.Admin));

        Assert.Equal([CreatorOrg, RecipientOrg], seers);
    }

    [Fact]
    public void M11_SeveralTlpMarkings_MostRestrictiveWins()
    {
        var both = Objects.Sdo(CreatorOrg, TlpLevel.Green).With("object_marking_refs", Objects.Strings(TlpMarkings.GreenId, TlpMarkings.AmberStrictId));

        Assert.False(Sees(MemberOrg, both));
        Assert.False(Sees(ClientOrg, both));
        Assert.True(Sees(CreatorOrg, both));
    }

    [Fact]
    public void M12_Tlp1Markings_MapToTheirTlp2Levels()
    {
        var white = Objects.Sdo(CreatorOrg, null).With("object_marking_refs", Objects.Strings(TlpMarkings.Tlp1WhiteId));
        var green = Objects.Sdo(CreatorOrg, null).With("object_marking_refs", Objects.Strings(TlpMarkings.Tlp1GreenId));
        var amber = Objects.Sdo(CreatorOrg, null).With("object_marking_refs", Objects.Strings(TlpMarkings.Tlp1AmberId));
        var red = Objects.Sdo(CreatorOrg, null).With("object_marking_refs", Objects.Strings(TlpMarkings.Tlp1RedId));

        Assert.True(Sees(UnrelatedOrg, white));
        Assert.True(Sees(OutreachOrg, green));
        Assert.False(Sees(UnrelatedOrg, green));
        Assert.True(Sees(ClientOrg, amber));
        Assert.False(Sees(MemberOrg, amber));
        Assert.False(Sees(ClientOrg, red));
    }

    [Fact]
    public void M13_UnmarkedOrStatementOnly_UsesConfiguredDefault()
    {
        var unmarked = Objects.Sdo(CreatorOrg, null);
        var statementOnly = Objects.Sdo(CreatorOrg, null).With("object_marking_refs", Objects.Strings("marking-definition--" + Guid.NewGuid().ToString("D")));
        using var greenNode = new AccessHarness(o => o.DefaultLevel = TlpLevel.Green);

        Assert.True(Sees(ClientOrg, unmarked));     // default AMBER: clients see it
        Assert.False(Sees(MemberOrg, unmarked));    // ... the community does not
        Assert.False(Sees(MemberOrg, statementOnly));
        Assert.True(greenNode.Gate().ForReader(User(MemberOrg), unmarked) is not null);
    }

    [Fact]
    public void M14_UnmarkedMarkingAndExtensionDefinitions_ArePublic()
    {
        var marking = new StixObject(new JsonObject
        {
            ["type"] = "marking-definition",
            ["spec_version"] = "2.1",
            ["id"] = "marking-definition--" + Guid.NewGuid().ToString("D"),
            ["created"] = "2026-01-01T00:00:00.000Z",
            ["created_by_ref"] = CreatorOrg,
            ["definition_type"] = "statement",
            ["definition"] = new JsonObject { ["statement"] = "Copyright Creator" },
        });

        Assert.True(Sees(UnrelatedOrg, marking));
        Assert.True(Sees(UnrelatedOrg, RecipientsExtension.Definition()));
    }

    [Fact]
    public void M15_Role_DoesNotWidenReading()
    {
        var amber = Objects.Sdo(CreatorOrg, TlpLevel.Amber);
        var nodeAdmin = User(NodeOrg, Role.Admin);

        Assert.False(_node.Gate().ForReader(nodeAdmin, amber) is not null);
        Assert.All(Enum.GetValues<Role>(), role => Assert.False(Sees(MemberOrg, amber, role)));
        Assert.All(Enum.GetValues<Role>(), role => Assert.True(Sees(ClientOrg, amber, role)));
    }
}
