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
}
