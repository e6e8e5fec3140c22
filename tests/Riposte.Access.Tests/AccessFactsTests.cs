using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Riposte.Access.Markings;
using Riposte.Stix;
using Riposte.Stix.Markings;

namespace Riposte.Access.Tests;

/// <summary>
/// The gate judges from <see cref="AccessFacts"/>, read from an object's bytes; the JSON-tree readers it
/// replaced on the hot path still redact. Both must read the same things from every object, or a reader
/// could see what the rules hide.
/// </summary>
public sealed class AccessFactsTests
{
    private const string Reference = "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f";
    private const string Other = "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff";

    private static readonly string[] Types = ["relationship", "sighting", "report", "note", "grouping", "observed-data", "incident", "indicator"];

    private static readonly string[] Names =
    [
        "source_ref", "target_ref", "sighting_of_ref", "observed_data_refs", "where_sighted_refs", "object_refs",
        "x_custom_ref", "x_custom_refs", "created_by_ref", "object_marking_refs", "marking_ref", "name", "granular_markings",
    ];

    private static readonly string[] Markings =
    [
        TlpMarkings.ClearId, TlpMarkings.GreenId, TlpMarkings.AmberId, TlpMarkings.RedId,
        "marking-definition--f79f25d2-8b96-4580-b169-eb7b613a7c31", "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
    ];

    [Property(MaxTest = 500)]
    public Property Of_AnyObject_ReadsWhatTheTreeReadersRead() =>
        Prop.ForAll(Arb.From(ObjectGen()), json =>
        {
            var obj = StixObject.FromUtf8(Encoding.UTF8.GetBytes(json.ToJsonString()));
            var tree = new StixObject(json);
            var facts = AccessFacts.Of(obj);
            var options = new AccessOptions { NodeOrganizationId = Other };

            Assert.Equal(Sorted(TreeHiding(tree)), Sorted(facts.Hiding));
            Assert.Equal(Sorted(TreeRemovable(tree)), Sorted(facts.Removable));
            Assert.Equal(tree.Json["granular_markings"] is JsonArray, facts.HasGranularMarkings);
            Assert.Equal(RecipientsExtension.Read(tree), facts.Recipients);
            Assert.Equal(tree.CreatedByRef, facts.CreatedByRef);
            Assert.Equal(tree.GetStrings("object_marking_refs"), facts.MarkingRefs);
            Assert.Equal(TreeLevel(tree, options), MarkingSummary.Of(obj, options).Level);
        });

    [Fact]
    public void Of_EscapedPropertyNames_ReadLikeTheTree()
    {
        // "source\u005fref" is source_ref; "x\u005fa\u005fref" is x_a_ref.
        var bytes = Encoding.UTF8.GetBytes(
            $$"""{"type":"relationship","id":"relationship--0e1b1d25-93a7-4a8e-9d5b-6f1d2c3b4a59","source\u005fref":"{{Reference}}","x\u005fa\u005fref":"{{Other}}","object\u005fmarking\u005frefs":["{{TlpMarkings.RedId}}"]}""");
        var facts = AccessFacts.Of(StixObject.FromUtf8(bytes));

        Assert.Equal([Reference], facts.Hiding);
        Assert.Equal([Other], facts.Removable);
        Assert.Equal([TlpMarkings.RedId], facts.MarkingRefs);
    }

    [Fact]
    public void Of_ReferencesInsideExtensions_AreRemovableAndRecipientsAreRead()
    {
        var json = new JsonObject
        {
            ["type"] = "relationship",
            ["id"] = "relationship--0e1b1d25-93a7-4a8e-9d5b-6f1d2c3b4a59",
            ["extensions"] = new JsonObject
            {
                [RecipientsExtension.DefinitionId] = new JsonObject { ["recipients"] = new JsonArray(Other), ["x_ref"] = Reference },
                ["extension-definition--9c6c2f3b-3b5e-4b8c-9a3c-0d2b7c1e5f10"] = new JsonObject { ["source_ref"] = Reference, ["created_by_ref"] = Other },
            },
        };
        var facts = AccessFacts.Of(new StixObject(json));

        Assert.Empty(facts.Hiding);
        Assert.Equal([Reference, Reference], facts.Removable); // an extension's source_ref is not the relationship's endpoint
        Assert.Equal([Other], facts.Recipients);
    }

    private static List<string> Sorted(IEnumerable<string> ids) => [.. ids.Order(StringComparer.Ordinal)];

    /// <summary>The level as the tree-based MarkingSummary read it.</summary>
    private static TlpLevel TreeLevel(StixObject obj, AccessOptions options)
    {
        var refs = obj.Json["object_marking_refs"] as JsonArray;
        var statement = refs?.Any(r => r is JsonValue v && v.TryGetValue<string>(out var id) && options.PublicStatementMarkings.Contains(id)) == true;
        return MarkingSummary.MostRestrictive(refs)
            ?? (options.PublicTypes.Contains(obj.Type) || statement ? TlpLevel.Clear : options.DefaultLevel);
    }

    private static string[] TreeHiding(StixObject obj) =>
    [
        .. ReferenceProperties.HidingSingle(obj.Type).Select(obj.GetString).OfType<string>(),
        .. ReferenceProperties.HidingLists(obj.Type).SelectMany(obj.GetStrings),
    ];

    private static string[] TreeRemovable(StixObject obj) =>
    [
        .. ReferenceProperties.FilteredLists(obj.Type).SelectMany(p => obj.Json[p] is JsonArray ? obj.GetStrings(p) : []),
        .. OtherReferences.In(obj.Json, obj.Type).Select(f => f.Id),
    ];

    private static Gen<JsonObject> ObjectGen() =>
        from type in Gen.Elements(Types)
        from count in Gen.Choose(0, 8)
        from properties in Gen.ArrayOf(PropertyGen(), count)
        from extensions in Gen.OneOf(Gen.Constant<JsonNode?>(null), ExtensionsGen())
        select Build(type, properties, extensions);

    private static JsonObject Build(string type, IEnumerable<(string Name, JsonNode? Value)> properties, JsonNode? extensions)
    {
        var json = new JsonObject { ["type"] = type, ["id"] = $"{type}--0e1b1d25-93a7-4a8e-9d5b-6f1d2c3b4a59" };
        foreach (var (name, value) in properties)
            json[name] = value?.DeepClone(); // a repeated name keeps the last value, as in the bytes written from this tree
        if (extensions is not null)
            json["extensions"] = extensions.DeepClone();
        return json;
    }

    private static Gen<(string, JsonNode?)> PropertyGen() =>
        from name in Gen.Elements(Names)
        from value in ValueGen(name)
        select (name, value);

    private static Gen<JsonNode?> ValueGen(string name) =>
        name is "object_marking_refs"
            ? Gen.OneOf(ListOf(Gen.Elements(Markings).Select(m => (JsonNode?)JsonValue.Create(m))), Gen.Constant<JsonNode?>(JsonValue.Create(TlpMarkings.RedId)))
            : Gen.OneOf(
                Gen.Constant<JsonNode?>(JsonValue.Create(Reference)),
                Gen.Constant<JsonNode?>(JsonValue.Create(Other)),
                Gen.Constant<JsonNode?>(JsonValue.Create(7)),
                Gen.Constant<JsonNode?>(null),
                Gen.Constant<JsonNode?>(new JsonObject { ["source_ref"] = Reference }),
                ListOf(Gen.Elements<JsonNode?>(JsonValue.Create(Reference), JsonValue.Create(Other), JsonValue.Create(3), null, new JsonArray(Reference))));

    private static Gen<JsonNode?> ListOf(Gen<JsonNode?> items) =>
        Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(items, n)).Select(list => (JsonNode?)new JsonArray([.. list.Select(n => n?.DeepClone())]));

    private static Gen<JsonNode?> ExtensionsGen() =>
        from recipients in ListOf(Gen.Elements<JsonNode?>(JsonValue.Create(Other), JsonValue.Create(5)))
        from count in Gen.Choose(0, 4)
        from body in Gen.ArrayOf(PropertyGen(), count)
        from asString in Gen.Elements(false, true)
        select asString
            ? (JsonNode?)JsonValue.Create("not an object")
            : new JsonObject
            {
                [RecipientsExtension.DefinitionId] = new JsonObject { ["extension_type"] = "property-extension", ["recipients"] = recipients?.DeepClone() },
                ["extension-definition--9c6c2f3b-3b5e-4b8c-9a3c-0d2b7c1e5f10"] = Build("x", body, null),
                ["extension-definition--1d8b5c4e-6f3a-4e2b-8c1d-2a7e9f0b3c65"] = recipients?.DeepClone(),
            };
}
