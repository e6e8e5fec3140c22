using System.Text.Json;
using Riposte.Stix.Markings;
using Riposte.Stix.Validation.Rules;

namespace Riposte.Stix.Validation;

/// <summary>
/// Marking definitions (STIX 2.1 section 7.2): statement and TLP 1.0 definitions, and the TLP 2.0
/// extension, whose objects must be the official ones. Marking definitions are never versioned.
/// </summary>
internal static class MarkingDefinitionRules
{
    public static void Check(ObjectScope s)
    {
        foreach (var versioning in (ReadOnlySpan<string>)["modified", "revoked"])
        {
            if (s.Has(versioning))
                s.Error(versioning, $"marking definitions cannot be versioned, so '{versioning}' is not allowed");
        }

        var definitionType = s.GetString("definition_type");
        var hasExtensions = s.Has("extensions");
        if (!hasExtensions)
        {
            if (!s.Has("definition_type"))
                s.Error("definition_type", "required property 'definition_type' is missing (a marking definition without extensions needs it)");
            if (!s.Has("definition"))
                s.Error("definition", "required property 'definition' is missing (a marking definition without extensions needs it)");
        }
        switch (definitionType)
        {
            case "statement":
                if (s.Get("definition") is { ValueKind: JsonValueKind.Object } statement
                    && !(statement.TryGetProperty("statement", out var text) && text.ValueKind == JsonValueKind.String))
                    s.Sink.Error(JsonPathText.Property(s.PathOf("definition"), "statement"), "a statement marking needs a string 'statement'");
                break;
            case "tlp":
                CheckTlp1(s);
                break;
            case null:
                break;
            default:
                s.Warning("definition_type", $"'{definitionType}' SHOULD be 'statement' or 'tlp'; other markings SHOULD use an extension");
                break;
        }
        if (s.Get("extensions") is { ValueKind: JsonValueKind.Object } extensions
            && extensions.TryGetProperty(TlpMarkings.Tlp2ExtensionDefinitionId, out var tlp2) && tlp2.ValueKind == JsonValueKind.Object)
            CheckTlp2(s, tlp2);
    }

    private static void CheckTlp1(ObjectScope s)
    {
        var definitionPath = s.PathOf("definition");
        if (s.Get("definition") is not { ValueKind: JsonValueKind.Object } definition)
            return;
        var colourPath = JsonPathText.Property(definitionPath, "tlp");
        if (ValueChecks.ExpectString(definition.TryGetProperty("tlp", out var tlp) ? tlp : default, colourPath, s.Sink) is not { } colour)
            return;
        if (TlpMarkings.Tlp1IdOf(colour) is not { } officialId)
        {
            s.Sink.Error(colourPath, $"'{colour}' is not in {Vocabularies.Tlp1.Name} ({string.Join(", ", Vocabularies.Tlp1.Ordered)})");
            return;
        }
        var id = s.GetString("id");
        if (id != officialId)
            s.Error("id", $"a TLP:{colour.ToUpperInvariant()} marking must be the specification's object, id {officialId}");
        if (s.GetString("created") is { } created && created != TlpMarkings.Tlp1Created)
            s.Error("created", $"the specification's TLP 1.0 markings were created {TlpMarkings.Tlp1Created}");
    }

    private static void CheckTlp2(ObjectScope s, JsonElement extension)
    {
        var at = JsonPathText.Property(s.PathOf("extensions"), TlpMarkings.Tlp2ExtensionDefinitionId);
        var valuePath = JsonPathText.Property(at, "tlp_2_0");
        if (!extension.TryGetProperty("tlp_2_0", out var node))
        {
            s.Sink.Error(valuePath, "required property 'tlp_2_0' is missing");
            return;
        }
        if (ValueChecks.ExpectString(node, valuePath, s.Sink) is not { } value)
            return;
        if (TlpMarkings.FromTlp2Value(value) is not { } level)
        {
            s.Sink.Error(valuePath, $"'{value}' is not in {Vocabularies.Tlp2.Name} ({string.Join(", ", Vocabularies.Tlp2.Ordered)})");
            return;
        }
        var officialId = TlpMarkings.IdOf(level);
        if (s.GetString("id") != officialId)
            s.Error("id", $"a TLP 2.0 {value} marking must be the official object, id {officialId}");
        var name = "TLP:" + value.ToUpperInvariant();
        if (s.GetString("name") != name)
            s.Error("name", $"a TLP 2.0 {value} marking must be named '{name}'");
    }
}
