using System.Text.Json.Nodes;

namespace Riposte.Stix.Tests;

public class ScoIdsTests
{
    // Expected ids: the spec's section 2.9 example for 198.51.100.3, the rest computed independently with
    // python: uuid.uuid5(UUID("00abedb4-aa42-466c-9c01-fed23315a9b7"), json.dumps(props, sort_keys=True, separators=(",", ":"), ensure_ascii=False)).
    [Theory]
    [InlineData("""{"type":"ipv4-addr","value":"198.51.100.3"}""", "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4")]
    [InlineData("""{"type":"url","value":"https://example.com/research/index.html"}""", "url--47c3cf9a-5027-5bf0-997a-017c7edc7c55")]
    [InlineData("""{"type":"domain-name","value":"example.com"}""", "domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7")]
    [InlineData("""{"type":"email-addr","value":"john@example.com","display_name":"not contributing"}""", "email-addr--7165e2a9-671f-585d-b1e1-ca59c671d934")]
    [InlineData("""{"type":"user-account","user_id":"1001","account_login":"jdoe","account_type":"unix","display_name":"John"}""", "user-account--f94d689e-707d-58c3-b803-c720bb6ed096")]
    [InlineData("""{"type":"file","name":"ëvil.exe","hashes":{"SHA-256":"ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff","MD5":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},"size":4}""", "file--abceb07c-7f72-5133-b40f-9542f02eb4e2")]
    [InlineData("""{"type":"autonomous-system","number":15139,"name":"Slime"}""", "autonomous-system--3aa27478-50b5-5ab8-9da9-cdc12b657fff")]
    [InlineData("""{"type":"ipv6-addr","value":"2001:0db8:85a3:0000:0000:8a2e:0370:7334"}""", "ipv6-addr--85a85a8c-ee99-5722-946d-3c3a3270fc6f")]
    [InlineData("""{"type":"artifact","payload_bin":"aGVsbG8=","hashes":{"SHA-256":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"}}""", "artifact--2b3fd382-8d9d-58e2-81e0-1052d1f23e17")]
    public void Compute_KnownObservable_MatchesReferenceId(string json, string expected)
    {
        var sco = JsonNode.Parse(json)!.AsObject();

        var id = ScoIds.Compute(sco);

        Assert.Equal(expected, id);
    }

    [Fact]
    public void Compute_PropertyOrder_DoesNotMatter()
    {
        var a = JsonNode.Parse("""{"type":"user-account","user_id":"1","account_login":"a","account_type":"unix"}""")!.AsObject();
        var b = JsonNode.Parse("""{"account_type":"unix","account_login":"a","type":"user-account","user_id":"1"}""")!.AsObject();
        Assert.Equal(ScoIds.Compute(a), ScoIds.Compute(b));
    }

    [Theory]
    [InlineData("""{"type":"process","pid":4}""")]
    [InlineData("""{"type":"user-account","display_name":"only a non-contributing property"}""")]
    [InlineData("""{"type":"x-custom","value":"v"}""")]
    [InlineData("""{"value":"no type"}""")]
    public void Compute_NothingContributes_Null(string json) => Assert.Null(ScoIds.Compute(JsonNode.Parse(json)!.AsObject()));

    [Fact]
    public void Compute_IsVersion5()
    {
        var id = ScoIds.Compute(JsonNode.Parse("""{"type":"mutex","name":"__CLEANSWEEP__"}""")!.AsObject());
        Assert.Equal(5, StixIds.UuidVersion(id));
    }
}

public class JsonCanonicalizerTests
{
    // Number cases from RFC 8785 appendix B (IEEE 754 value -> ECMAScript text).
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(333333333.3333333, "333333333.3333333")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(9007199254740992.0, "9007199254740992")]
    [InlineData(295147905179352830000.0, "295147905179352830000")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(4.50, "4.5")]
    [InlineData(2e-3, "0.002")]
    [InlineData(0.000000000000000000000000001, "1e-27")]
    public void FormatNumber_Rfc8785Cases_EcmaScriptForm(double value, string expected) =>
        Assert.Equal(expected, JsonCanonicalizer.FormatNumber(value));

    [Fact]
    public void FormatNumber_NegativeZero_IsZero() => Assert.Equal("0", JsonCanonicalizer.FormatNumber(-0.0));

    [Fact]
    public void Canonicalize_Rfc8785Example_SortsAndEscapes()
    {
        // Arrange: the example of RFC 8785 section 3.2.2 (minus its literal-number variants).
        var input = JsonNode.Parse("""{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/","literals":[null,true,false]}""");

        // Act
        var canonical = JsonCanonicalizer.Canonicalize(input);

        // Assert
        Assert.Equal("""{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}""", canonical);
    }

    [Fact]
    public void Canonicalize_KeysSortedByUtf16CodeUnits()
    {
        var input = JsonNode.Parse("""{"\u20ac":1,"\r":2,"\ud83d\ude00":3,"1":4,"\u0080":5,"\u00f6":6,"\ufb33":7}""");
        // RFC 8785 section 3.2.3: sorted by UTF-16 code units.
        Assert.Equal("{\"\\r\":2,\"1\":4,\"\u0080\":5,\"\u00f6\":6,\"\u20ac\":1,\"\ud83d\ude00\":3,\"\ufb33\":7}", JsonCanonicalizer.Canonicalize(input));
    }
}
