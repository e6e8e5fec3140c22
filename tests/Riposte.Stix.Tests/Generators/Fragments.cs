using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using static Riposte.Stix.Tests.Generators.GenPrimitives;

namespace Riposte.Stix.Tests.Generators;

/// <summary>Object fragments (sets of properties) that generators combine into whole STIX objects.</summary>
internal static class Fragments
{
    public static Gen<JsonObject> Req(string name, Gen<JsonNode> value) => value.Select(v => new JsonObject { [name] = v });

    public static Gen<JsonObject> Req(string name, JsonNode value) => Gen.Fresh(() => new JsonObject { [name] = value.DeepClone() });

    public static Gen<JsonObject> Opt(string name, Gen<JsonNode> value) =>
        Gen.Frequency((1, Gen.Fresh(() => new JsonObject())), (1, Req(name, value)));

    public static Gen<JsonObject> Opt(string name, JsonNode value) => Opt(name, Gen.Fresh(() => value.DeepClone()));

    /// <summary>Both or neither of two timestamps, in order.</summary>
    public static Gen<JsonObject> OptPair(string earlier, string later, bool strict = false) =>
        Gen.Frequency((1, Gen.Fresh(() => new JsonObject())),
            (2, OrderedTimestamps(0, strict).Select(p => new JsonObject { [earlier] = p.Earlier, [later] = p.Later })));

    public static Gen<JsonObject> Merge(IEnumerable<Gen<JsonObject>> fragments) =>
        Gen.CollectToArray(fragments).Select(parts =>
        {
            var merged = new JsonObject();
            foreach (var part in parts)
            {
                foreach (var (key, value) in part.ToArray())
                {
                    part.Remove(key);
                    merged[key] = value;
                }
            }
            return merged;
        });

    public static Gen<JsonObject> CustomProperties =>
        Gen.ListOf(Gen.Zip(CustomName, AnyJson(2))).Resize(3).Select(pairs =>
        {
            var o = new JsonObject();
            foreach (var (name, value) in pairs)
                o[name] = value;
            return o;
        });

    /// <summary>Property extensions under extension-definition ids, with nested content.</summary>
    public static Gen<JsonObject> Extensions =>
        Gen.Frequency((2, Gen.Fresh(() => new JsonObject())), (1,
            Gen.NonEmptyListOf(Gen.Zip(Id("extension-definition"), Gen.NonEmptyListOf(Gen.Zip(ExtensionPropertyName, AnyJson(2))).Resize(3)))
                .Resize(2)
                .Select(list =>
                {
                    var extensions = new JsonObject();
                    foreach (var (id, props) in list)
                    {
                        var extension = new JsonObject { ["extension_type"] = "property-extension" };
                        foreach (var (name, value) in props)
                            extension[name] = value;
                        extensions[id] = extension;
                    }
                    return new JsonObject { ["extensions"] = extensions };
                })));

    public static Gen<JsonNode> ExternalReference =>
        from source in Text
        from kind in Gen.Choose(0, 2)
        from text in Text
        from id in Word
        select (JsonNode)(kind switch
        {
            0 => new JsonObject { ["source_name"] = source, ["description"] = text },
            1 => new JsonObject { ["source_name"] = source, ["url"] = "https://example.org/" + id, ["external_id"] = id.ToUpperInvariant() },
            _ => new JsonObject { ["source_name"] = source, ["external_id"] = id },
        });

    public static Gen<JsonNode> KillChainPhases =>
        Gen.NonEmptyListOf(Gen.Zip(Word, Word)).Resize(2).Select(list =>
            (JsonNode)Arr(list.Select(p => (JsonNode)new JsonObject { ["kill_chain_name"] = p.Item1, ["phase_name"] = p.Item2 })));

    /// <summary>
    /// Granular markings whose selectors all resolve in <paramref name="obj"/>. Only marking_ref markings: the
    /// OASIS schema requires marking_ref although the specification also allows lang-only granular markings.
    /// </summary>
    public static Gen<JsonObject> WithGranularMarkings(JsonObject obj)
    {
        var selectors = obj.Select(p => p.Key).Where(k => k != "granular_markings").ToList();
        if (obj["external_references"] is JsonArray { Count: > 0 })
            selectors.Add("external_references.[0].source_name");
        if (obj["labels"] is JsonArray { Count: > 0 })
            selectors.Add("labels.[0]");
        var marking =
            from chosen in Gen.SubListOf(selectors.ToArray()).Where(l => l.Count > 0)
            from markingId in Gen.Elements(MarkingIds)
            select (JsonNode)new JsonObject { ["marking_ref"] = markingId, ["selectors"] = Arr(chosen.Select(c => (JsonNode)c)) };
        return Gen.Frequency(
            (2, Gen.Fresh(() => obj)),
            (1, Gen.NonEmptyListOf(marking).Resize(2).Select(list =>
            {
                obj["granular_markings"] = Arr(list);
                return obj;
            })));
    }
}
