using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Riposte.Access.Markings;
using Riposte.Access.Tests.Support;
using Riposte.Stix.Markings;
using static Riposte.Access.Tests.Support.AccessHarness;

namespace Riposte.Access.Tests;

/// <summary>
/// Every TLP level × every relation of the reader's organisation to the object × every role. The
/// expected answers are written out by hand (docs/access.md, "Access matrix"); the refusals are
/// checked exactly as carefully as the grants.
/// </summary>
public sealed class AccessMatrixTests : IClassFixture<AccessMatrixTests.Node>
{
    private readonly Node _node;

    public AccessMatrixTests(Node node) => _node = node;

    public enum Relation
    {
        Creator,
        Client,
        CommunityMember,
        Partner,
        Outreach,
        NamedRecipient,
        Unrelated,
    }

    // Columns: CLEAR, GREEN, AMBER, AMBER+STRICT, RED, unmarked (node default AMBER).
    private static readonly Dictionary<Relation, bool[]> Expected = new()
    {
        [Relation.Creator] = [true, true, true, true, true, true],
        [Relation.Client] = [true, true, true, false, false, true],
        [Relation.CommunityMember] = [true, true, false, false, false, false],
        [Relation.Partner] = [true, true, false, false, false, false],
        [Relation.Outreach] = [true, true, false, false, false, false],
        [Relation.NamedRecipient] = [true, true, true, true, true, true],
        [Relation.Unrelated] = [true, false, false, false, false, false],
    };

    private static readonly TlpLevel?[] Columns = [TlpLevel.Clear, TlpLevel.Green, TlpLevel.Amber, TlpLevel.AmberStrict, TlpLevel.Red, null];

    public static TheoryData<Relation, int, Role, bool> Cases()
    {
        var data = new TheoryData<Relation, int, Role, bool>();
        foreach (var (relation, row) in Expected)
        {
            for (var column = 0; column < Columns.Length; column++)
            {
                foreach (var role in Enum.GetValues<Role>())
                    data.Add(relation, column, role, row[column]);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForReader_LevelRelationRole_MatchesTheMatrix(Relation relation, int column, Role role, bool expected)
    {
        // Arrange: every object names the recipient organisation, so naming it must not leak to others.
        var obj = Objects.Sdo(CreatorOrg, Columns[column], "threat-actor", RecipientOrg);
        var reader = User(OrganisationOf(relation), role);

        // Act
        var seen = _node.Harness.Gate().ForReader(reader, obj);

        // Assert
        Assert.Equal(expected, seen is not null);
        if (seen is not null)
            Assert.Equal(obj.ToJson(), seen.ToJson());
    }

    [Property(MaxTest = 300)]
    public Property ForReader_AnyReader_SeeingALevelMeansSeeingEveryLessRestrictiveOne(Relation relation, Role role, TlpLevel stricter, TlpLevel looser)
    {
        var reader = User(OrganisationOf(relation), role);
        bool Sees(TlpLevel level) => _node.Harness.Gate().ForReader(reader, Objects.Sdo(CreatorOrg, level, "threat-actor", RecipientOrg)) is not null;

        return Prop.When(looser <= stricter && Enum.IsDefined(relation) && Enum.IsDefined(role) && Enum.IsDefined(stricter) && Enum.IsDefined(looser),
            () => !Sees(stricter) || Sees(looser));
    }

    [Fact]
    public void Matrix_EveryRelationCovered_NoRowEmpty()
    {
        Assert.Equal(Enum.GetValues<Relation>().Length, Expected.Count);
        Assert.All(Expected.Values, row => Assert.Equal(Columns.Length, row.Length));
    }

    private static string OrganisationOf(Relation relation) => relation switch
    {
        Relation.Creator => CreatorOrg,
        Relation.Client => ClientOrg,
        Relation.CommunityMember => MemberOrg,
        Relation.Partner => PartnerOrg,
        Relation.Outreach => OutreachOrg,
        Relation.NamedRecipient => RecipientOrg,
        Relation.Unrelated => UnrelatedOrg,
        _ => throw new ArgumentOutOfRangeException(nameof(relation)),
    };

    /// <summary>One node shared by the whole matrix: the rules read it, never change it.</summary>
    public sealed class Node : IDisposable
    {
        internal AccessHarness Harness { get; } = new();

        public void Dispose() => Harness.Dispose();
    }
}
