namespace Riposte.Taxonomy.Tests;

public sealed class DisarmSearchTests
{
    private static readonly DisarmFramework Disarm = DisarmFramework.Embedded;

    [Theory]
    [InlineData("flood")]
    [InlineData("FLOOD")]
    [InlineData("Flööd Infórmation")]
    [InlineData("  flood   information ")]
    public void SearchByName_CaseDiacriticsAndSpacing_FindsFloodInformationSpace(string query)
    {
        // Act
        var ids = Disarm.SearchByName(query).Select(i => i.Id).ToList();

        // Assert
        Assert.Contains("T0049", ids);
    }

    [Fact]
    public void SearchByName_ExactName_RanksExactMatchFirst()
    {
        // Act
        var results = Disarm.SearchByName("flood information space");

        // Assert
        Assert.Equal("T0049", results[0].Id);
    }

    [Fact]
    public void SearchByName_StraightQuoteForTypographic_FindsCounter()
    {
        // Act: the counter's name has a typographic apostrophe (that’s).
        var ids = Disarm.SearchByName("that's out of the control").Select(i => i.Id).ToList();

        // Assert
        Assert.Equal(["C00219"], ids);
    }

    [Fact]
    public void SearchByName_KindFilter_ReturnsOnlyThatKind()
    {
        // Act
        var results = Disarm.SearchByName("content", DisarmKind.Tactic);

        // Assert
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal(DisarmKind.Tactic, r.Kind));
        Assert.Contains(results, r => r.Id == "TA06");
    }

    [Fact]
    public void SearchByName_WordStartBeforeInnerMatch_OrdersByMatchQuality()
    {
        // Act: "bot" starts a word in some names and is inside others ("robot"-like) or absent.
        var results = Disarm.SearchByName("bots");
        var first = results[0].Name;

        // Assert
        Assert.StartsWith("Bots", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("no such technique anywhere")]
    public void SearchByName_BlankOrUnknown_ReturnsEmpty(string query)
    {
        Assert.Empty(Disarm.SearchByName(query));
    }
}
