using Riposte.Stix;
using static Riposte.Storage.Tests.StixSamples;

namespace Riposte.Storage.Tests;

public sealed class IndexTermsTests
{
    [Fact]
    public void From_Relationship_ListsEveryReferenceButMarkings()
    {
        var obj = Indicator(1, creator: Creator, markings: [TlpGreen]);
        obj.Json["sample_refs"] = new System.Text.Json.Nodes.JsonArray("file--00000001-0000-4000-8000-000000000000", "file--00000002-0000-4000-8000-000000000000");

        var terms = IndexTerms.From(new StixObject(obj.Json));

        Assert.Equal(
            [new ObjectReference("created_by_ref", Creator), new ObjectReference("sample_refs", "file--00000001-0000-4000-8000-000000000000"), new ObjectReference("sample_refs", "file--00000002-0000-4000-8000-000000000000")],
            terms.References);
        Assert.Equal([TlpGreen], terms.Markings);
    }

    [Fact]
    public void From_AttackPattern_CollectsTextAndExternalIds()
    {
        var obj = AttackPattern(1, "Amplify", "T0049.003");
        obj.Json["aliases"] = new System.Text.Json.Nodes.JsonArray("Boost");

        var terms = IndexTerms.From(new StixObject(obj.Json));

        Assert.Equal("Amplify", terms.Name);
        Assert.Equal([new ExternalId("T0049.003", "DISARM")], terms.ExternalIds);
        Assert.Equal("Boost T0049.003", terms.OtherText);
    }

    [Fact]
    public void From_EscapedNamesAndValues_ReadAsTheirText()
    {
        const string json = """{"type":"indicator","\u006eame":"caf\u00e9 \"x\"","labels":["a\/b"],"source\u005fref":"indicator--00000000-0000-4000-8000-000000000001"}""";

        var terms = IndexTerms.From(System.Text.Encoding.UTF8.GetBytes(json));

        Assert.Equal("café \"x\"", terms.Name);
        Assert.Equal(["a/b"], terms.Labels);
        Assert.Equal([new ObjectReference("source_ref", "indicator--00000000-0000-4000-8000-000000000001")], terms.References);
    }

    [Fact]
    public void From_BytesThatAreNotAnObject_Throws() =>
        Assert.Throws<System.Text.Json.JsonException>(() => IndexTerms.From("[1,2]"u8));
}
