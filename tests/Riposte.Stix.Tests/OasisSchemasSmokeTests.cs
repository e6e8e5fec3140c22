using System.Text.Json.Nodes;

namespace Riposte.Stix.Tests;

public class OasisSchemasSmokeTests
{
    [Fact]
    public void Validate_MinimalIdentity_NoErrors()
    {
        var identity = JsonNode.Parse("""{"type":"identity","spec_version":"2.1","id":"identity--311b2d2d-f010-4473-83ec-1edf84858f4c","created":"2015-12-21T19:59:11.000Z","modified":"2015-12-21T19:59:11.000Z","name":"Cole Powers","identity_class":"individual"}""")!;
        Assert.Empty(OasisSchemas.Validate(identity));
    }

    [Fact]
    public void Validate_IdentityWithoutName_ReportsError()
    {
        var identity = JsonNode.Parse("""{"type":"identity","spec_version":"2.1","id":"identity--311b2d2d-f010-4473-83ec-1edf84858f4c","created":"2015-12-21T19:59:11.000Z","modified":"2015-12-21T19:59:11.000Z"}""")!;
        Assert.NotEmpty(OasisSchemas.Validate(identity));
    }
}
